import { trimXml } from '../status.js';
import type { XmlElement } from '../types.js';
import type { Ace, AcePrincipal, ParentBinding, SupportedPrivilege } from './types.js';
import { child, elements, firstKey, hrefOf, textOf } from './xml.js';

/** Keys of the privileges in `(privilege*)` (`current-user-privilege-set`, `grant`, `deny`). */
export function privileges(el: XmlElement): string[] {
  const out: string[] = [];
  for (const p of elements(el)) {
    if (p.name !== 'privilege') continue;
    for (const k of elements(p)) out.push(k.name);
  }
  return out;
}

function principalOf(el: XmlElement): AcePrincipal | undefined {
  const inner = elements(el)[0];
  if (!inner) return undefined;
  switch (inner.name) {
    case 'href':
      return { kind: 'href', value: trimXml(textOf(inner)) };
    case 'all':
    case 'authenticated':
    case 'unauthenticated':
    case 'self':
      return { kind: inner.name };
    case 'property': {
      const k = firstKey(inner);
      return k === undefined ? undefined : { kind: 'property', value: k };
    }
    default:
      return { kind: 'other', value: inner.name };
  }
}

/** `acl`: `(ace*)` (RFC 3744 §5.5). */
export function acl(el: XmlElement): Ace[] | undefined {
  const out: Ace[] = [];
  for (const a of elements(el)) {
    if (a.name !== 'ace') continue;
    const p = child(a, 'principal');
    const inv = child(a, 'invert');
    const principal = p ? principalOf(p) : inv ? principalOf(child(inv, 'principal') ?? inv) : undefined;
    if (!principal) return undefined;
    const grant = child(a, 'grant');
    const deny = child(a, 'deny');
    const ace: Ace = {
      principal,
      invert: inv !== undefined,
      grant: grant ? privileges(grant) : [],
      deny: deny ? privileges(deny) : [],
      protected: child(a, 'protected') !== undefined,
    };
    const inherited = hrefOf(child(a, 'inherited'));
    if (inherited !== undefined) ace.inherited = inherited;
    out.push(ace);
  }
  return out;
}

/** `supported-privilege-set`: a tree of `supported-privilege` (RFC 3744 §5.3). */
export function supportedPrivileges(el: XmlElement): SupportedPrivilege[] | undefined {
  const out: SupportedPrivilege[] = [];
  for (const s of elements(el)) {
    if (s.name !== 'supported-privilege') continue;
    const privilege = firstKey(child(s, 'privilege'));
    if (privilege === undefined) return undefined;
    const children = supportedPrivileges(s);
    if (!children) return undefined;
    const node: SupportedPrivilege = { privilege, abstract: child(s, 'abstract') !== undefined, children };
    const d = child(s, 'description');
    if (d) node.description = trimXml(textOf(d));
    out.push(node);
  }
  return out;
}

/** `parent-set` (RFC 5842 §3.2). */
export function parentSet(el: XmlElement): ParentBinding[] | undefined {
  const out: ParentBinding[] = [];
  for (const p of elements(el)) {
    if (p.name !== 'parent') continue;
    const href = hrefOf(p);
    const seg = child(p, 'segment');
    if (href === undefined || !seg) return undefined;
    out.push({ href, segment: textOf(seg) });
  }
  return out;
}
