import { expect } from 'chai';
import { parseStatus } from '../../lib/status.js';

describe('status lines', () => {
  const cases: [string, number | null, string][] = [
    ['HTTP/1.1 200 OK', 200, 'OK'],
    ['  HTTP/1.1 404 Not Found \n', 404, 'Not Found'],
    ['HTTP/1.1 424 (status)', 424, '(status)'],
    ['HTTP/1.0 423', 423, ''],
    ['HTTP/1.1 200 Ok', 200, 'Ok'],
    ['HTTP 1.1 200 OK', 200, 'OK'],
    ['http/1.1 507 Insufficient Storage', 507, 'Insufficient Storage'],
    ['HTTP/1.1 404 Resource not found', 404, 'Resource not found'],
    ['HTTP/1.1 599 Whatever', 599, 'Whatever'],
    ['HTTP/1.1 OK', null, 'OK'],
    ['HTTP/1.1 2000 OK', null, '2000 OK'],
    ['200 OK', null, '200 OK'],
    ['', null, ''],
  ];
  for (const [line, code, text] of cases) {
    it(JSON.stringify(line), () => {
      const s = parseStatus(line);
      expect(s.code).to.equal(code);
      expect(s.text).to.equal(text);
      expect(s.line).to.equal(line.trim());
    });
  }
});
