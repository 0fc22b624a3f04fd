/**
 * Users (administrator only): `GET /api/v1/users`, `POST /api/v1/users`, `PATCH /api/v1/users/:id`.
 * Every change is audited; the password hash is never returned.
 */
import Type from 'typebox';
import type { RegisterRoutes } from '../app/app-context.js';
import { authorize } from '../app/request-user.js';
import { actorOf } from '../auth/session-user.js';
import { changeResponses, errorResponses, IdParams, RoleSchema } from '../app/schemas.js';
import { createUser, listUsers, updateUser } from '../auth/users.js';

const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  municipality: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  demo: Type.Boolean(),
  hasPassword: Type.Boolean(),
  mustChangePassword: Type.Boolean({ description: 'Lösenordet valdes av en administratör och måste bytas vid inloggning' }),
  createdAt: Type.String(),
});

const CreateBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64 }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: RoleSchema,
    municipality: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Kommunkod eller namn (bara för kommunekonomer)' }),
    ),
    email: Type.Optional(Type.String({ minLength: 3, maxLength: 320 })),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: 'Utelämna för konton som bara loggar in via OIDC' })),
  },
  { additionalProperties: false },
);

const PatchBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: Type.Optional(RoleSchema),
    municipality: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ minLength: 3, maxLength: 320 }), Type.Null()])),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);

/** Register the user routes. */
export const registerUsers: RegisterRoutes = (app, ctx) => {
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['administration'],
        summary: 'Användare och roller',
        response: { 200: Type.Object({ users: Type.Array(UserSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request, 'users:manage');
      return { users: await listUsers(ctx.store.db) };
    },
  );
  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['administration'],
        summary: 'Lägg upp en användare (granskningsloggas)',
        body: CreateBody,
        response: { 201: Type.Object({ user: UserSchema }), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const admin = authorize(request, 'users:manage');
      // The administrator chose the password: the person replaces it at first sign-in.
      const user = await createUser(ctx.store, { ...request.body, mustChangePassword: true }, actorOf(admin));
      return reply.status(201).send({ user });
    },
  );
  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['administration'],
        summary: 'Ändra roll, kommun, namn, e-post, lösenord eller inaktivera (granskningsloggas)',
        params: IdParams,
        body: PatchBody,
        response: { ...changeResponses, 200: Type.Object({ user: UserSchema }) },
      },
    },
    async (request) => {
      const admin = authorize(request, 'users:manage');
      const user = await updateUser(ctx.store, request.params.id, request.body, actorOf(admin));
      return { user };
    },
  );
};
