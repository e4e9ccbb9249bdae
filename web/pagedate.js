// factlintPageDate(doc): the publication date a news page states in its metadata, with where it
// came from. A classic script that defines one global function, so the extension's content script
// (listed before content.js in the manifest) and the page (on an opened or dropped .html file,
// parsed with DOMParser) load the same code. Pure: reads the Document it is given, changes nothing,
// never throws (malformed JSON-LD, odd attribute values and missing parts are skipped).
//
// Returns {date: "YYYY-MM-DD", source} or null. Sources, in the order they are trusted:
//   "meta:article:published_time"  <meta property="article:published_time" content="…">
//   "jsonld:datePublished"         datePublished of an Article/NewsArticle/BlogPosting/… node in any
//                                  <script type="application/ld+json">, in @graph arrays too
//   "itemprop:datePublished"       an element with itemprop="datePublished" (content or datetime)
//   "meta:<name>"                  og:published_time, date, dc.date, DC.date.issued, dcterms.created,
//                                  dcterms.date, pubdate, publishdate, parsely-pub-date, sailthru.date
//   "time:header"                  <time datetime> in the article's header (or marked pubdate)
//   "meta:article:modified_time", "meta:og:updated_time", "jsonld:dateModified",
//   "itemprop:dateModified"        modification dates, only when nothing states publication
// The date is the calendar day as written (the local day of "2021-06-11T23:30:00-04:00" is
// 2021-06-11), never shifted to another time zone.

// eslint-disable-next-line no-unused-vars
function factlintPageDate(doc) {
  'use strict';
  const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const ARTICLE_TYPES = new Set([
    'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
    'backgroundnewsarticle', 'reviewnewsarticle', 'askpublicnewsarticle', 'blogposting',
    'liveblogposting', 'socialmediaposting', 'report', 'scholarlyarticle', 'techarticle',
  ]);

  function ymd(y, m, d) {
    if (!(y >= 1800 && y <= 2199 && m >= 1 && m <= 12 && d >= 1)) return null;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (d > days) return null;
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  // A date in the forms metadata uses: ISO 8601 (date first), YYYY/MM/DD, YYYYMMDD, "June 11, 2021",
  // "11 June 2021", "Fri, 11 Jun 2021 08:00:00 GMT". null for anything else.
  function normalize(value) {
    if (typeof value !== 'string') return null;
    const s = value.trim().slice(0, 100);
    let m = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(s) || /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/.exec(s) ||
      /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
    if (m) return ymd(+m[1], +m[2], +m[3]);
    const month = (w) => MONTHS.indexOf(w.slice(0, 3).toLowerCase()) + 1;
    m = /^(?:[A-Za-z]{3,9}\.?,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
    if (m && month(m[1])) return ymd(+m[3], month(m[1]), +m[2]);
    m = /^(?:[A-Za-z]{3,9}\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
    if (m && month(m[2])) return ymd(+m[3], month(m[2]), +m[1]);
    return null;
  }

  function attr(el, name) {
    try {
      const v = el.getAttribute(name);
      return typeof v === 'string' ? v : null;
    } catch {
      return null;
    }
  }

  function all(selector, root) {
    try {
      return Array.from((root || doc).querySelectorAll(selector));
    } catch {
      return [];
    }
  }

  // <meta property|name|itemprop=KEY content=…>, KEY compared without case.
  function meta(keys) {
    const wanted = keys.map((k) => k.toLowerCase());
    for (const key of wanted) {
      for (const el of all('meta')) {
        const k = (attr(el, 'property') || attr(el, 'name') || '').trim().toLowerCase();
        if (k !== key) continue;
        const d = normalize(attr(el, 'content'));
        if (d) return { date: d, source: `meta:${keys[wanted.indexOf(key)]}` };
      }
    }
    return null;
  }

  function typesOf(node) {
    const t = node['@type'];
    const list = Array.isArray(t) ? t : [t];
    return list.filter((x) => typeof x === 'string').map((x) => x.replace(/^.*[/:#]/, '').toLowerCase());
  }

  // Article-like nodes of every JSON-LD block: top-level objects, arrays, @graph, and objects nested
  // up to a few levels (mainEntity, itemListElement…).
  function jsonLdNodes() {
    const out = [];
    const walk = (v, depth) => {
      if (depth > 6 || v === null || typeof v !== 'object') return;
      if (Array.isArray(v)) {
        for (const x of v.slice(0, 200)) walk(x, depth + 1);
        return;
      }
      if (typesOf(v).some((t) => ARTICLE_TYPES.has(t))) out.push(v);
      for (const [k, x] of Object.entries(v)) if (k !== '@context' && typeof x === 'object') walk(x, depth + 1);
    };
    for (const el of all('script')) {
      const type = (attr(el, 'type') || '').trim().toLowerCase();
      if (type !== 'application/ld+json') continue;
      let data;
      try {
        data = JSON.parse(el.textContent || '');
      } catch {
        continue;  // malformed JSON-LD: skipped
      }
      walk(data, 0);
    }
    return out;
  }

  function jsonLd(prop) {
    for (const node of jsonLdNodes()) {
      let v = node[prop];
      if (Array.isArray(v)) v = v[0];
      if (v && typeof v === 'object') v = v['@value'];
      const d = normalize(v);
      if (d) return { date: d, source: `jsonld:${prop}` };
    }
    return null;
  }

  function itemprop(prop) {
    for (const el of all(`[itemprop~="${prop}"]`)) {
      const d = normalize(attr(el, 'content') || attr(el, 'datetime') || (el.tagName === 'META' ? '' : el.textContent));
      if (d) return { date: d, source: `itemprop:${prop}` };
    }
    return null;
  }

  // <time datetime> in the header of the article (or the page's first header), or marked pubdate.
  function headerTime() {
    const candidates = [
      ...all('time[pubdate][datetime]'),
      ...all('article header time[datetime], article > time[datetime], [role="article"] header time[datetime]'),
      ...all('main header time[datetime]'),
    ];
    const first = all('article').length === 0 ? all('header time[datetime]').slice(0, 1) : [];
    for (const el of [...candidates, ...first]) {
      const d = normalize(attr(el, 'datetime'));
      if (d) return { date: d, source: 'time:header' };
    }
    return null;
  }

  try {
    if (!doc || typeof doc.querySelectorAll !== 'function') return null;
    return (
      meta(['article:published_time']) ||
      jsonLd('datePublished') ||
      itemprop('datePublished') ||
      meta(['og:published_time', 'og:article:published_time', 'date', 'dc.date', 'DC.date.issued', 'dcterms.created',
        'dcterms.date', 'dcterms.issued', 'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date',
        'sailthru.date', 'citation_publication_date']) ||
      headerTime() ||
      meta(['article:modified_time', 'og:updated_time']) ||
      jsonLd('dateModified') ||
      itemprop('dateModified') ||
      null
    );
  } catch {
    return null;
  }
}
