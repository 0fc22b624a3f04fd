/**
 * The signed-in session: who is signed in (from `GET /auth/me`), sign-in and sign-out. The CSRF
 * token from the server is handed to the API client, never stored in localStorage.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { User } from './roles.js';

interface SessionResponse {
  readonly user: User;
  readonly csrfToken: string;
  /** An administrator chose the password: the session may only change it. */
  readonly mustChangePassword: boolean;
}

/** What components can read from the session. */
export interface Session {
  /** `undefined` while the session is being checked; `null` when nobody is signed in. */
  readonly user: User | null | undefined;
  readonly signIn: (username: string, password: string) => Promise<User>;
  readonly signOut: () => Promise<void>;
  /** True while the signed-in account must choose its own password before anything else. */
  readonly mustChangePassword: boolean;
  /** Change the own password; the server starts a new session. */
  readonly changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Provides the session to the app; checks `me` once on start. */
export function SessionProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [mustChangePassword, setMustChangePassword] = useState(false);
  const queryClient = useQueryClient();

  useEffect(() => {
    let active = true;
    api<SessionResponse>('/auth/me')
      .then((s) => {
        setCsrfToken(s.csrfToken);
        if (active) {
          setUser(s.user);
          setMustChangePassword(s.mustChangePassword);
        }
      })
      .catch((e: unknown) => {
        // 401 simply means nobody is signed in; any other failure also leaves the app usable
        // without a session (the guide, the agreement and the årshjul need none).
        if (!(e instanceof ApiError)) console.error(e);
        if (active) setUser(null);
      });
    return () => {
      active = false;
    };
  }, []);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const s = await api<SessionResponse>('/auth/login', { json: { username, password } });
      setCsrfToken(s.csrfToken);
      queryClient.clear();
      setUser(s.user);
      setMustChangePassword(s.mustChangePassword);
      return s.user;
    },
    [queryClient],
  );

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      const s = await api<SessionResponse>('/auth/password', { json: { currentPassword, newPassword } });
      setCsrfToken(s.csrfToken);
      queryClient.clear();
      setUser(s.user);
      setMustChangePassword(s.mustChangePassword);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api('/auth/logout', { method: 'POST' });
    } finally {
      setCsrfToken(undefined);
      queryClient.clear();
      setUser(null);
      setMustChangePassword(false);
    }
  }, [queryClient]);

  const value = useMemo(
    () => ({ user, signIn, signOut, mustChangePassword, changePassword }),
    [user, signIn, signOut, mustChangePassword, changePassword],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

/** The current session; must be used inside `SessionProvider`. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession utanför SessionProvider');
  return s;
}
