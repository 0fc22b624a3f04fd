/**
 * One place that turns any failure into the API's error body
 * `{ error: { code, message, location, details } }` with the catalogue's HTTP status. Domain
 * errors pass through; Fastify's own errors (bad JSON, too large, wrong content type) get a
 * Swedish message; other client errors (a static file's bad path) are 4xx without a stack in
 * the log; a full or read-only database says so (store/storage-failure.ts); anything else is
 * logged and answered with a generic SAMV_ERR_INTERNAL.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isSamverkanError, SamverkanError } from '@samverkan/core';
import { storageFailure } from '../store/storage-failure.js';
import { JSON_BODY_LIMIT } from './json-body.js';
import { plainErrorJson } from '../language/plain-message.js';

function fromFastifyError(e: FastifyError): SamverkanError | undefined {
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new SamverkanError('SAMV_ERR_INVALID_INPUT', 'Begärans kropp är inte giltig JSON.', { field: 'body' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new SamverkanError(
        'SAMV_ERR_TOO_LARGE',
        `Begärans kropp är för stor: högst ${String(JSON_BODY_LIMIT / 1024 / 1024)} MB JSON. Filer importeras som filer via /api/v1/imports.`,
        { field: 'body' },
      );
    case 'FST_ERR_BAD_URL':
      return new SamverkanError(
        'SAMV_ERR_INVALID_INPUT',
        'Adressen innehåller ogiltig procentkodning (ett % som inte följs av två hexadecimala siffror, eller ogiltig UTF-8).',
        { field: 'path' },
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new SamverkanError('SAMV_ERR_INVALID_INPUT', 'En del av adressen är för lång.', { field: 'path' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new SamverkanError(
        'SAMV_ERR_INVALID_INPUT',
        `Innehållstypen ${e.message.split(': ')[1] ?? ''} stöds inte här; skicka application/json.`,
        { field: 'content-type' },
      );
    default:
      return undefined;
  }
}

/** The API body of an error. */
export function errorBody(e: SamverkanError): { error: ReturnType<SamverkanError['toJSON']> } {
  // Field names in the message in Swedish (language/plain-message.ts); location.field keeps the API name.
  return { error: plainErrorJson(e) };
}

/** Any other client error (status 4xx, e.g. from static file serving): Swedish, without details. */
function fromClientError(error: unknown): SamverkanError | undefined {
  const status = typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  // 403 from file serving means a path outside the served folder ("../"): nothing there either.
  if (status === 403 || status === 404)
    return new SamverkanError('SAMV_ERR_NOT_FOUND', 'Det finns ingen resurs på den adressen. Se /api/docs för API:ets adresser.');
  return new SamverkanError('SAMV_ERR_INVALID_INPUT', 'Begäran kunde inte tolkas. Kontrollera adressen och innehållet och försök igen.');
}

/** Fastify error handler (also Fastify's `frameworkErrors`: bad URLs before routing). */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  let e: SamverkanError;
  if (isSamverkanError(error)) {
    e = error;
  } else {
    const mapped =
      (error instanceof Error && 'code' in error ? fromFastifyError(error as FastifyError) : undefined) ??
      storageFailure(error) ??
      fromClientError(error);
    if (mapped) {
      e = mapped;
    } else {
      request.log.error({ err: error }, 'oväntat fel');
      e = new SamverkanError('SAMV_ERR_INTERNAL', 'Ett internt fel inträffade. Felet är loggat; försök igen eller kontakta förvaltningen.');
    }
  }
  // A feature left unconfigured is the installation's choice, not a failure: a warning.
  if (e.code === 'SAMV_ERR_NOT_CONFIGURED') request.log.warn({ code: e.code }, e.message);
  else if (e.httpStatus >= 500 && e.code !== 'SAMV_ERR_INTERNAL') request.log.error({ code: e.code, cause: causeCode(error) }, e.message);
  return reply.status(e.httpStatus).type('application/json; charset=utf-8').send(errorBody(e));
}

function causeCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
