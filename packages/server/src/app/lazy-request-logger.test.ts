import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { LazyRequestLogger } from './lazy-request-logger.js';

function capture(level: string): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const log = createLogger(
    level,
    new Writable({
      write: (c: Buffer, _e, cb) => {
        lines.push(c.toString());
        cb();
      },
    }),
  );
  return { lines, log };
}

describe('lazy request logger', () => {
  it('writes exactly what the pino child writes: bindings, redaction, level', () => {
    const a = capture('info');
    const b = capture('info');
    new LazyRequestLogger(a.log, { reqId: 'req-1' }, {}).warn({ password: 'hemligt', code: 'X' }, 'något');
    b.log.child({ reqId: 'req-1' }).warn({ password: 'hemligt', code: 'X' }, 'något');
    const parse = (l: string | undefined): Record<string, unknown> => ({ ...(JSON.parse(l ?? '') as Record<string, unknown>), time: 0 });
    expect(parse(a.lines[0])).toEqual(parse(b.lines[0]));
    expect(a.lines[0]).not.toContain('hemligt');
    expect(parse(a.lines[0])).toMatchObject({ reqId: 'req-1', level: 40, msg: 'något' });
  });

  it('makes no child for a call below the level, and one child for all later calls', () => {
    const { lines, log } = capture('info');
    let children = 0;
    const counting = Object.create(log, {
      child: {
        value: (...args: Parameters<typeof log.child>) => {
          children++;
          return log.child(...args);
        },
      },
    }) as typeof log;
    const lazy = new LazyRequestLogger(counting, { reqId: 'req-2' }, {});
    lazy.debug('syns inte');
    lazy.trace('syns inte');
    expect(children).toBe(0);
    lazy.info('ett');
    lazy.error({ err: new Error('två') }, 'två');
    expect(children).toBe(1);
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['ett', 'två']);
    expect(lazy.level).toBe('info');
  });

  it('follows a route level given to the child', () => {
    const { lines, log } = capture('info');
    const lazy = new LazyRequestLogger(log, { reqId: 'req-3' }, { level: 'debug' });
    lazy.debug('nu syns den');
    expect(lines).toHaveLength(1);
    expect(lazy.level).toBe('debug');
  });
});
