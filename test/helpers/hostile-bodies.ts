/**
 * Hostile bodies shared by the hostile-input tests and the differential corpus
 * (test/differential/corpus.ts): DTD attacks and pages that are not a multistatus.
 */

export const OK = (href: string): string =>
  `<D:response><D:href>${href}</D:href><D:status>HTTP/1.1 200 OK</D:status></D:response>`;

/** A multistatus with `doctype` before the root, one response `/before`, then `inner`. */
export const body = (doctype: string, inner: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n${doctype}\n<D:multistatus xmlns:D="DAV:">${OK('/before')}${inner}</D:multistatus>`;

/** A response whose displayname is `value` (written as is: entity references stay references). */
export const displayname = (value: string): string =>
  `<D:response><D:href>/x</D:href><D:propstat><D:prop><D:displayname>${value}</D:displayname></D:prop>` +
  `<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`;

/** The classic exponential entity DOCTYPE (10 levels, 10 references each). */
export function billionLaughs(): string {
  let decls = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= 10; i++) decls += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return `<!DOCTYPE lolz [${decls}]>`;
}

export const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
export const APACHE_401 =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>401 Unauthorized</title>\n</head><body>\n<h1>Unauthorized</h1>\n</body></html>\n';
export const XHTML_403 =
  '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>403 Forbidden</title></head><body/></html>';
