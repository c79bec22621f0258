// The audit sink: stderr always, the file with ML_STOP_AUDIT_FILE, appended, and an unusable path refused at start.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineBatch, auditEntry, auditSink } from '../../src/audit.js';
import { StartupError } from '../../src/core/errors.js';

const result = {
  ok: true,
  outcome: 'stop_requested' as const,
  provider: 'qianfan' as const,
  operation: 'qianfan_stop_fine_tuning_task',
  target: { task_id: 'task-1' },
  http_status: 200,
  request_id: 'req-1',
  attempts: 2,
};

describe('audit', () => {
  it('an entry has the wall-clock time and the monotonic duration', () => {
    const entry = auditEntry(result, 1000.2, 1250.7, new Date('2026-05-01T10:00:00Z'));
    expect(entry).toEqual({
      time: '2026-05-01T10:00:00.000Z',
      audit: 'stop',
      tool: 'qianfan_stop_fine_tuning_task',
      provider: 'qianfan',
      target: { task_id: 'task-1' },
      outcome: 'stop_requested',
      http_status: 200,
      request_id: 'req-1',
      attempts: 2,
      duration_ms: 251,
    });
  });

  it('appends one line per entry to the file, keeping what was there, readable only by its owner when created', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-stop-audit-'));
    const existing = join(dir, 'existing.jsonl');
    writeFileSync(existing, 'before\n');
    const a = auditSink(existing);
    a.sink(auditEntry(result, 0, 1));
    a.sink(auditEntry(result, 0, 2));
    a.close();
    const lines = readFileSync(existing, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('before');
    expect(JSON.parse(lines[2]!)).toMatchObject({ audit: 'stop', duration_ms: 2 });

    const fresh = join(dir, 'fresh.jsonl');
    auditSink(fresh).close();
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
  });

  it('an unusable path is a configuration error naming ML_STOP_AUDIT_FILE', () => {
    expect(() => auditSink(join(tmpdir(), 'no-such-dir-ml-stop', 'a', 'audit.jsonl'))).toThrow(StartupError);
    expect(() => auditSink(join(tmpdir(), 'no-such-dir-ml-stop', 'a', 'audit.jsonl'))).toThrow(
      /^ML_STOP_AUDIT_FILE: cannot open .* for appending \(ENOENT\)$/,
    );
  });

  it('writes the lines of one turn of the event loop in one write, in order, and resolves each once it is out', async () => {
    const writes: string[] = [];
    const batch = new LineBatch((text) => writes.push(text));
    const first = batch.write('a\n');
    const second = batch.write('b\n');
    expect(writes).toEqual([]); // nothing yet: the turn is not over
    await first;
    expect(writes).toEqual(['a\nb\n']);
    await second;
    const third = batch.write('c\n');
    await third;
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('writes what is pending when flushed (close, exit) and nothing twice', async () => {
    const writes: string[] = [];
    const batch = new LineBatch((text) => writes.push(text));
    const pending = batch.write('x\n');
    batch.flush();
    expect(writes).toEqual(['x\n']);
    await pending;
    batch.flush();
    expect(writes).toEqual(['x\n']);
  });
});
