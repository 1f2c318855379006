/**
 * The reference model (test oracle): a whole-document walker over @xmldom/xmldom that builds the
 * same `DavResponse` objects the streaming parser must yield. Written from the data-model rules
 * alone; it shares nothing with lib/ but the types.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Document, Element } from '@xmldom/xmldom';
import type { DavStatus, XmlElement } from '../../lib/types.js';
import type { DavResponse, Props, Propstat } from '../../lib/parser/model.js';
import {
  DAV_NS,
  childElements,
  directText,
  elementKey,
  hasAttributes,
  hasChildElements,
  isDavElement,
  isXmlWhitespace,
  langInScope,
  textContent,
  toXmlElement,
  trimAscii,
} from './dom-xml.js';
import { REFERENCE_TYPED_KEYS, typedValue } from './dom-typed.js';
import { Unchecked } from './unchecked.js';
import { MISSING_STATUS, hrefPath, hrefUrl, parseStatusLine } from './status-href.js';

export { REFERENCE_TYPED_KEYS } from './dom-typed.js';

export interface ReferenceOptions {
  /** Default true. */
  typed?: boolean;
  baseUrl?: string;
}

export interface ReferenceSummary {
  syncToken?: string;
  responseDescription?: string;
  truncated: boolean;
  extensions?: XmlElement[];
}

export interface ReferenceModel {
  responses: DavResponse[];
  summary: ReferenceSummary;
}

/** Why the reference walker refused a body. */
export class OracleError extends Error {
  override name = 'OracleError';
  constructor(
    readonly code: 'XML_SYNTAX' | 'NOT_MULTISTATUS',
    message: string,
  ) {
    super(message);
  }
}

/** XML 1.0 end-of-line handling only (xmldom's default also folds U+0085, U+2028, U+2029). */
function normalizeXml10LineEnds(source: string): string {
  return source.replace(/\r\n?/g, '\n');
}

/** Parse namespace-aware; any warning or error of xmldom is fatal here. A leading BOM is dropped. */
export function parseReferenceDocument(xml: string): Document {
  if (xml.charCodeAt(0) === 0xfeff) xml = xml.slice(1);
  try {
    return new DOMParser({
      locator: false,
      normalizeLineEndings: normalizeXml10LineEnds,
      onError(level, message) {
        throw new Error(`${level}: ${message}`);
      },
    }).parseFromString(xml, 'application/xml');
  } catch (e) {
    throw new OracleError('XML_SYNTAX', e instanceof Error ? e.message : String(e));
  }
}

/** The raw value of a property element (typed: false). */
export function rawPropertyValue(el: Element): string | XmlElement {
  return !hasChildElements(el) && !hasAttributes(el) ? directText(el) : toXmlElement(el);
}

function isEmptyProperty(el: Element): boolean {
  return !hasChildElements(el) && isXmlWhitespace(directText(el));
}

function isSuccess(status: DavStatus): boolean {
  return status.code !== null && status.code >= 200 && status.code <= 299;
}

function optionalText(text: string): string | undefined {
  return text === '' ? undefined : text;
}

function conditions(errorEl: Element): XmlElement[] {
  return childElements(errorEl).map(toXmlElement);
}

/** RFC 3253 §1.6 puts `error` inside `responsedescription`: its conditions join the others. */
function errorsInDescription(description: Element): XmlElement[] {
  return childElements(description)
    .filter((c) => isDavElement(c, 'error'))
    .flatMap(conditions);
}

const NOT_TYPED = Symbol('not typed');

/**
 * Types never lie: a typed key whose value does not parse (or is empty) has no typed value; its
 * value as sent goes to the propstat's `raw`. An integer past 2^53 is the nearest number, with
 * the value as sent in `raw` beside it.
 */
function typedOrRaw(key: string, prop: Element, raw: string | XmlElement, props: Props, rawValues: Record<string, string | XmlElement>): void {
  const value = typedValue(key, prop, NOT_TYPED, rawPropertyValue);
  if (value === NOT_TYPED && REFERENCE_TYPED_KEYS.includes(key)) {
    delete props[key];
    rawValues[key] = raw;
  } else if (typeof value === 'bigint') {
    props[key] = Number(value);
    rawValues[key] = raw;
  } else {
    props[key] = value === NOT_TYPED || value instanceof Unchecked ? typedValue(key, prop, raw, rawPropertyValue) : value;
  }
}

function buildPropstat(el: Element, typed: boolean): Propstat {
  let status: DavStatus = MISSING_STATUS;
  const properties: Element[] = [];
  const error: XmlElement[] = [];
  let responseDescription: string | undefined;
  for (const child of childElements(el)) {
    if (isDavElement(child, 'prop')) properties.push(...childElements(child));
    else if (isDavElement(child, 'status')) status = parseStatusLine(textContent(child));
    else if (isDavElement(child, 'error')) error.push(...conditions(child));
    else if (isDavElement(child, 'responsedescription')) {
      responseDescription = optionalText(trimAscii(directText(child)));
      error.push(...errorsInDescription(child));
    }
  }
  const failed = status.code !== null && !isSuccess(status);
  const props: Props = {};
  const rawValues: Record<string, string | XmlElement> = {};
  const lang: Record<string, string> = {};
  for (const prop of properties) {
    const key = elementKey(prop);
    if (failed && isEmptyProperty(prop)) {
      props[key] = null;
    } else {
      const raw = rawPropertyValue(prop);
      if (typed) typedOrRaw(key, prop, raw, props, rawValues);
      else props[key] = raw;
    }
    const language = langInScope(prop);
    if (language !== undefined) lang[key] = language;
    else delete lang[key];
  }
  const propstat: Propstat = { status, props };
  if (Object.keys(rawValues).length) propstat.raw = rawValues;
  if (error.length) propstat.error = error;
  if (responseDescription !== undefined) propstat.responseDescription = responseDescription;
  if (Object.keys(lang).length) propstat.lang = lang;
  return propstat;
}

function buildResponse(el: Element, options: ReferenceOptions): DavResponse {
  const typed = options.typed ?? true;
  const hrefs: string[] = [];
  const propstats: Propstat[] = [];
  const error: XmlElement[] = [];
  const extensions: XmlElement[] = [];
  let status: DavStatus | undefined;
  let responseDescription: string | undefined;
  let location: string | undefined;
  for (const child of childElements(el)) {
    if (child.namespaceURI !== DAV_NS) {
      extensions.push(toXmlElement(child));
      continue;
    }
    switch (child.localName) {
      case 'href':
        hrefs.push(trimAscii(textContent(child)));
        break;
      case 'status':
        status = parseStatusLine(textContent(child));
        break;
      case 'propstat':
        propstats.push(buildPropstat(child, typed));
        break;
      case 'error':
        error.push(...conditions(child));
        break;
      case 'responsedescription':
        responseDescription = optionalText(trimAscii(directText(child)));
        error.push(...errorsInDescription(child));
        break;
      case 'location': {
        const href = childElements(child).find((c) => isDavElement(c, 'href'));
        if (href) location = trimAscii(textContent(href));
        break;
      }
      default:
        extensions.push(toXmlElement(child));
    }
  }
  const href = hrefs[0] ?? '';
  const props: Props = {};
  for (const propstat of propstats) if (isSuccess(propstat.status)) Object.assign(props, propstat.props);
  const response: DavResponse = { href, hrefs, path: hrefPath(href), propstats, props };
  const url = hrefUrl(href, options.baseUrl);
  if (url !== undefined) response.url = url;
  if (status) response.status = status;
  if (error.length) response.error = error;
  if (responseDescription !== undefined) response.responseDescription = responseDescription;
  if (location !== undefined) response.location = location;
  if (extensions.length) response.extensions = extensions;
  return response;
}

/** The model of an already parsed document (lets a test build typed and raw models from one DOM). */
export function modelFromDocument(doc: Document, options: ReferenceOptions = {}): ReferenceModel {
  const root = doc.documentElement;
  if (!root || !isDavElement(root, 'multistatus')) {
    const name = root ? `{${root.namespaceURI ?? ''}}${root.localName ?? root.nodeName}` : 'nothing';
    throw new OracleError('NOT_MULTISTATUS', `root element is ${name}, not {DAV:}multistatus`);
  }
  const responses: DavResponse[] = [];
  const summary: ReferenceSummary = { truncated: false };
  const extensions: XmlElement[] = [];
  for (const child of childElements(root)) {
    if (isDavElement(child, 'response')) responses.push(buildResponse(child, options));
    else if (isDavElement(child, 'responsedescription')) {
      const text = optionalText(trimAscii(directText(child)));
      if (text === undefined) delete summary.responseDescription;
      else summary.responseDescription = text;
    } else if (isDavElement(child, 'sync-token')) summary.syncToken = trimAscii(textContent(child));
    else extensions.push(toXmlElement(child));
  }
  summary.truncated = responses.some((r) => r.status?.code === 507);
  if (extensions.length) summary.extensions = extensions;
  return { responses, summary };
}

/** Build the model of a whole body; throws OracleError when it is not well-formed or not multistatus. */
export function referenceModel(xml: string, options: ReferenceOptions = {}): ReferenceModel {
  return modelFromDocument(parseReferenceDocument(xml), options);
}
