// Search with Pagefind, as the reader types. Pagefind picks the index of this
// page's <html lang>, so results are always in the reader's language. Strings
// come from the page (translated by the theme's catalogs); results are built
// with DOM methods only, so nothing from the index is ever inserted as HTML.
// Without JavaScript the form stays a form, and the page says so.
//
// Each report's record (plugins/search_index) holds its headline and body
// text; its title, date, category, series and part are metadata, and category
// and year are filters. Excerpts come from the body alone.
const form = document.querySelector("[data-search]");
const input = form.querySelector("input[name=q]");
const selects = [...form.querySelectorAll("select[data-filter]")];
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const lang = document.documentElement.lang || "en";
const japanese = lang === "ja";
const EXCERPT = japanese ? 90 : 190; // characters, about two lines on a phone
const LEAD = japanese ? 30 : 50; // how much comes before the first match
const MAX_RESULTS = 50;
let pagefind;
let latest = 0;

function message(name, values) {
  return form.dataset[name].replace(/%\((\w+)\)s/g, (_, key) => values[key]);
}

// ---- Words: what the reader asked for, and where a report says it ----

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// Inflections a reader's word may carry that the report's word may not: the
// class of Pagefind's stemming (pharmacies ~ pharmacy, seized ~ seize).
const SUFFIXES = ["ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ied",
  "ers", "er", "ed", "es", "ly", "'s", "’s", "s", "e", "y"];

function fold(text) {
  return text.normalize("NFKC").toLowerCase();
}

function terms(query) {
  return fold(query).split(/\s+/).filter(Boolean);
}

function base(term) {
  if (CJK.test(term)) return term;
  for (const suffix of SUFFIXES) {
    if (term.endsWith(suffix) && term.length - suffix.length >= 3) {
      const stem = term.slice(0, -suffix.length);
      return /([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : stem; // runn(ing) ~ run
    }
  }
  return term;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// A word of the query as it appears in a text: Japanese as written (there is
// no stem); other words from the start of a Latin word (パンゲアIX holds "IX"),
// with whatever ending.
function pattern(term) {
  if (CJK.test(term)) return escapeRegExp(term);
  const latin = String.raw`[\p{Script=Latin}\p{N}'’]`;
  return `(?<!${latin})${escapeRegExp(base(term))}${latin}*`;
}

function matcher(words) {
  return words.length ? new RegExp(words.map(pattern).join("|"), "giu") : null;
}

// Pagefind also returns a report when the index holds only the start of a word
// the reader typed ("viagra" finds the "V" of "Part V"): a report is kept only
// when its text or title says every word of the query.
function saysEvery(words, text) {
  const folded = fold(text);
  return words.every((term) => new RegExp(pattern(term), "iu").test(folded));
}

// ---- Names a line must not break inside ----

// Domains (defanged or not), 「・」-joined katakana names with what follows them
// (オペレーション・パンゲアIX), Latin names with hyphens or numerals, numbers
// with their counters: the rules of plugins/japanese_phrases.
const NAME = new RegExp([
  String.raw`(?<![\p{L}\p{N}_.\]-])[\p{L}\p{N}_-]+(?:(?:\[\.\]|\.)[\p{L}\p{N}_-]+)*(?:\[\.\]|\.)[A-Za-z][A-Za-z0-9-]*(?![A-Za-z0-9])`,
  String.raw`(?<![\p{Script=Katakana}ー])[\p{Script=Katakana}ー]+(?:[・･][\p{Script=Katakana}ー]+)+[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]*`,
  String.raw`(?<![A-Za-z0-9])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+`,
  // "Pangea IX", with a space or the no-break space English typography sets.
  String.raw`\p{Lu}\p{Ll}+[ \u00a0](?:[IVXLC]+|\d+)(?![\p{L}\p{N}])`,
  // A number with its prefix and counter: 1万4000件, 第1回.
  String.raw`第?[0-9０-９](?:[0-9０-９,，.．]|[万億兆千百](?=[0-9０-９]))*[万億兆]?[年月日件回人円分秒時歳位号度倍台社枚本個点%％]`,
].join("|"), "gu");

// ---- Excerpts: the report's own text, cut between words or phrases ----

// Pagefind's text of a report: its headline, then its body (see
// plugins/search_index/records.py); Japanese words separated by U+200B, blocks
// by a space, and a full stop after a block (a heading) that has none. The
// excerpt is read from the body only.
function readable(content, title) {
  let text = content.replace(/\u200b/g, "").replace(/\s+/g, " ").trim();
  text = withoutHeadline(text, title);
  if (japanese) {
    text = text.replace(/([。、」』）！？])\s+/g, "$1").replace(/\s*\.\s+(?=\S)/g, "　");
  }
  return text;
}

// The text after the headline it starts with (compared without spaces and
// line-break hints, which Pagefind changes); the whole text if it does not.
function withoutHeadline(text, title) {
  const headline = title.replace(/[\s\u200b\u2060]/g, "");
  let at = 0;
  for (const character of headline) {
    while (at < text.length && /[\s\u2060]/.test(text[at])) at++;
    if (text.startsWith(character, at)) at += character.length;
    else return text;
  }
  return text.slice(at).replace(/^[\s.。　]+/, "");
}

const segmenter = new Intl.Segmenter(lang, { granularity: "word" });

const SCRIPTS = [/[\p{Script=Katakana}ー]/u, /\p{Script=Han}/u, /[\p{Script=Latin}\p{N}]/u];
const sameScript = (a, b) => SCRIPTS.some((script) => script.test(a) && script.test(b));

// Where a Japanese phrase or a word may start: a word that is not only kana
// endings (particles go with the word before them), or the start of a text.
function boundaries(text) {
  const found = [0];
  for (const { index, segment, isWordLike } of segmenter.segment(text)) {
    if (index === 0 || !isWordLike && !/^[「『（]/.test(segment)) continue;
    // Kana endings (は, という, して) belong to the word before them.
    if (japanese && /^[\p{Script=Hiragana}ー]+$/u.test(segment) && segment.length <= 3) continue;
    // The segmenter cuts katakana and kanji compounds (レジ|ット|スクリプト): a
    // phrase does not start between two characters of the same script.
    if (japanese && sameScript(text[index - 1], segment[0])) continue;
    found.push(index);
  }
  found.push(text.length);
  // Never inside a name (a domain, オペレーション・パンゲアIX).
  const names = [...text.matchAll(NAME)].map((m) => [m.index, m.index + m[0].length]);
  return found.filter((at) => !names.some(([start, end]) => start < at && at < end));
}

function excerpt(content, title, regex) {
  const text = readable(content, title);
  if (text.length <= EXCERPT) return { text, before: false, after: false };
  if (regex) regex.lastIndex = 0;
  const hit = regex ? regex.exec(text) : null;
  const at = hit ? hit.index : 0;
  const stops = boundaries(text);
  // Start at the clause the match is in if it began shortly before; else at a
  // word or phrase boundary a little before the match.
  let start = 0;
  if (at > LEAD) {
    const from = Math.max(0, at - 2 * LEAD);
    const lead = text.slice(from, at);
    const clause = Math.max(...[...lead.matchAll(japanese ? /[。、！？]/g : /[.!?;:]\s/g)]
      .map((m) => from + m.index + m[0].length), -1);
    start = clause >= 0 ? clause : stops.filter((s) => s <= at - LEAD / 2).pop() ?? 0;
  }
  let end = Math.min(text.length, start + EXCERPT);
  if (end < text.length) {
    const sentence = text.slice(start, end).search(japanese ? /[。！？][^。！？]*$/ : /[.!?]\s[^.!?]*$/);
    const cut = start + sentence + 1;
    end = sentence >= 0 && cut - start > EXCERPT * 0.7 ? cut
      : stops.filter((s) => s <= end && s > start).pop() ?? end;
  }
  // "…" where the text was cut: before it when it does not start the text,
  // after it when it stops inside a sentence.
  const piece = text.slice(start, end).trim().replace(/[\s、,;:・]+$/u, "");
  const sentenceEnd = /[。！？.!?]["”’」』）)]*$/u.test(piece);
  return { text: piece, before: start > 0, after: end < text.length && !sentenceEnd };
}

// Text with the words of the query marked and names held together: a name the
// query marks ("Pangea" in "Pangea IX") is held whole around its mark.
function appendText(parent, text, regex) {
  let last = 0;
  for (const name of text.matchAll(NAME)) {
    appendMarked(parent, text.slice(last, name.index), regex);
    const span = document.createElement("span");
    span.className = "nobreak";
    appendMarked(span, name[0], regex);
    parent.append(span);
    last = name.index + name[0].length;
  }
  appendMarked(parent, text.slice(last), regex);
}

function appendMarked(parent, text, regex) {
  let last = 0;
  if (regex) {
    regex.lastIndex = 0;
    for (const found of text.matchAll(regex)) {
      if (!found[0]) continue;
      if (found.index > last) parent.append(text.slice(last, found.index));
      const mark = document.createElement("mark");
      mark.textContent = found[0];
      parent.append(mark);
      last = found.index + found[0].length;
    }
  }
  if (last < text.length) parent.append(text.slice(last));
}

// ---- Results ----

const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });

function headline(result) {
  const link = document.createElement("a");
  link.href = result.url;
  // A Japanese headline breaks between the phrases the site computed for it.
  // The full-width space is where it breaks first: each side is held whole.
  const title = japanese && result.meta.phrases ? result.meta.phrases : result.meta.title;
  title.split("\u3000").forEach((half, index, halves) => {
    let holder = link;
    if (halves.length > 1) {
      holder = document.createElement("span");
      holder.className = "nobreak-group";
      if (index) link.append(document.createElement("wbr"));
      link.append(holder);
    }
    half.split("\u200b").forEach((phrase, at) => {
      if (at) holder.append(document.createElement("wbr"));
      appendText(holder, phrase, null);
    });
    if (index < halves.length - 1) holder.append("\u3000");
  });
  const heading = document.createElement("h2");
  heading.className = "search-title";
  heading.append(link);
  return heading;
}

function details(result) {
  const line = document.createElement("p");
  line.className = "search-meta";
  if (result.meta.date) {
    const time = document.createElement("time");
    time.dateTime = result.meta.date;
    time.textContent = dateFormat.format(new Date(`${result.meta.date}T00:00:00Z`));
    line.append(time);
  }
  if (result.meta.category) {
    const category = document.createElement("span");
    category.className = "search-category";
    category.textContent = result.meta.category;
    line.append(category);
  }
  return line;
}

function show(query, results, regex) {
  list.replaceChildren();
  list.dataset.query = query;
  for (const result of results) {
    const item = document.createElement("li");
    item.className = "search-result";
    const cut = excerpt(result.content, result.meta.title, regex);
    const paragraph = document.createElement("p");
    paragraph.className = "search-excerpt";
    appendText(paragraph, (cut.before ? "…" : "") + cut.text + (cut.after ? "…" : ""), regex);
    item.append(headline(result), details(result), paragraph);
    list.append(item);
  }
  const count = results.length;
  const name = count === 0 ? "none" : count === 1 ? "one" : "other";
  // Without words, the results are the reports the filters chose.
  status.textContent = message(query ? name : `${name}Filtered`, { count, query });
}

// By relevance, then newest. Reports whose headline says every word of the
// query rank first, and among them a series' parts are tied: they stay
// together, in part order, where the best of them ranks (a reader searching
// "BestKenko" reads Part I first). Below them, the same holds among the rest.
function ordered(results, words) {
  const headlined = (result) => words.length > 0 && saysEvery(words, result.data.meta.title);
  const tiers = [results.filter(headlined), results.filter((r) => !headlined(r))];
  return tiers.flatMap((tier) => {
    const byScore = [...tier].sort((a, b) => b.score - a.score
      || b.data.meta.date.localeCompare(a.data.meta.date));
    const out = [];
    for (const result of byScore) {
      if (out.includes(result)) continue;
      const series = result.data.meta.series;
      const parts = series ? byScore.filter((r) => r.data.meta.series === series) : [result];
      out.push(...parts.sort((a, b) => Number(a.data.meta.part) - Number(b.data.meta.part)));
    }
    return out.map((r) => r.data);
  });
}

// ---- Loading and running ----

// The index comes in shards, one Pagefind bundle each; the first loads the
// search engine and the others are merged into it. Result URLs start at the
// site root, wherever a bundle sits.
const bundles = form.dataset.bundles.split(" ").filter(Boolean);

async function load() {
  const baseUrl = new URL(form.dataset.root, location.href).pathname;
  const engine = await import(bundles[0] + "pagefind.js");
  await engine.options({ baseUrl });
  for (const bundle of bundles.slice(1)) {
    await engine.mergeIndex(bundle, { baseUrl });
  }
  return engine;
}

function chosenFilters() {
  const filters = {};
  for (const select of selects) {
    if (select.value) filters[select.dataset.filter] = select.value;
  }
  return filters;
}

async function run(query, filters) {
  const ticket = ++latest;
  // Announced for whoever listens (the browser tests count the queries sent).
  form.dispatchEvent(new CustomEvent("searchquery", { detail: { query, filters } }));
  try {
    if (!bundles.length) {
      show(query, [], null);
      return;
    }
    pagefind ??= await load();
    const search = await pagefind.search(query || null, { filters });
    const words = terms(query);
    const found = await Promise.all(search.results.slice(0, MAX_RESULTS).map(
      async (result) => ({ score: result.score, data: await result.data() })));
    // Merged shards can return a report once per shard when two filters are
    // chosen: each report is listed once.
    const seen = new Set();
    const kept = found.filter(({ data }) => !seen.has(data.url) && seen.add(data.url)
      && saysEvery(words, `${data.meta.title}\n${readable(data.content, data.meta.title)}`));
    if (ticket === latest) show(query, ordered(kept, words), matcher(words)); // not overtaken
  } catch (error) {
    if (ticket === latest) status.textContent = form.dataset.failed;
  }
}

function submit() {
  const query = input.value.trim();
  const filters = chosenFilters();
  const address = new URLSearchParams();
  if (query) address.set("q", query);
  for (const [name, value] of Object.entries(filters)) address.set(name, value);
  const search = address.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
  if (!query && !Object.keys(filters).length) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  run(query, filters);
}

// A Japanese (or Chinese, Korean...) input method sends input events while the
// reader is still converting kana: nothing is searched until the text is final.
let typing;
let composing = false;
function later() {
  clearTimeout(typing);
  typing = setTimeout(submit, 250);
}
input.addEventListener("compositionstart", () => {
  composing = true;
  clearTimeout(typing);
});
input.addEventListener("compositionend", () => {
  composing = false;
  later();
});
input.addEventListener("input", (event) => {
  if (composing || event.isComposing) return;
  later();
});
for (const select of selects) select.addEventListener("change", submit);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (composing) return;
  clearTimeout(typing);
  submit();
});

const initial = new URLSearchParams(location.search);
input.value = initial.get("q") || "";
for (const select of selects) {
  const wanted = initial.get(select.name);
  if (wanted && [...select.options].some((option) => option.value === wanted)) {
    select.value = wanted;
  }
}
if (input.value.trim() || Object.keys(chosenFilters()).length) submit();
