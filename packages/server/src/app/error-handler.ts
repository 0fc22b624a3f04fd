/**
 * One place that turns any failure into the API's error body
 * `{ error: { code, message, location, details } }` with the catalogue's HTTP status. Domain
 * errors pass through; Fastify's own errors (bad JSON, too large, wrong content type) get a
 * Swedish message; anything else is logged and answered with a generic SAMV_ERR_INTERNAL.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isSamverkanError, SamverkanError } from '@samverkan/core';

function fromFastifyError(e: FastifyError): SamverkanError | undefined {
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new SamverkanError('SAMV_ERR_INVALID_INPUT', 'Begärans kropp är inte giltig JSON.', { field: 'body' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new SamverkanError('SAMV_ERR_INVALID_INPUT', 'Begärans kropp är för stor.', { field: 'body' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new SamverkanError('SAMV_ERR_INVALID_INPUT', `Innehållstypen ${e.message.split(': ')[1] ?? ''} stöds inte här; skicka application/json.`, { field: 'content-type' });
    default:
      return undefined;
  }
}

/** The API body of an error. */
export function errorBody(e: SamverkanError): { error: ReturnType<SamverkanError['toJSON']> } {
  return { error: e.toJSON() };
}

/** Fastify error handler. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  let e: SamverkanError;
  if (isSamverkanError(error)) {
    e = error;
  } else {
    const mapped = error instanceof Error && 'code' in error ? fromFastifyError(error as FastifyError) : undefined;
    if (mapped) {
      e = mapped;
    } else {
      request.log.error({ err: error }, 'oväntat fel');
      e = new SamverkanError('SAMV_ERR_INTERNAL', 'Ett internt fel inträffade. Felet är loggat; försök igen eller kontakta förvaltningen.');
    }
  }
  if (e.httpStatus >= 500 && e.code !== 'SAMV_ERR_INTERNAL') request.log.error({ code: e.code, msg: e.message }, 'serverfel');
  return reply.status(e.httpStatus).type('application/json; charset=utf-8').send(errorBody(e));
}
