// Search with Pagefind, as the reader types. Pagefind picks the index of this
// page's <html lang>, so results are always in the reader's language. Strings
// come from the page (translated by the theme's catalogs); results are built
// with DOM methods only, so nothing from the index is ever inserted as HTML.
// Without JavaScript the form stays a form, and the page says so.
const form = document.querySelector("[data-search]");
const input = form.querySelector("input[name=q]");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
const japanese = document.documentElement.lang === "ja";
let pagefind;
let latest = 0;

function message(name, values) {
  return form.dataset[name].replace(/%\((\w+)\)s/g, (_, key) => values[key]);
}

// Pagefind's excerpt as readable text: without the title it glued to the body
// (" . "), without the spaces it leaves after Japanese punctuation, and, in
// Japanese, starting after a punctuation mark rather than mid-phrase.
function tidy(text, title) {
  let plain = text.replace(/\s+/g, " ").trim();
  const head = title.replace(/\s+/g, " ").trim();
  if (head && plain.startsWith(head)) plain = plain.slice(head.length).replace(/^[.\s]+/, "");
  if (japanese) {
    plain = plain.replace(/([。、」』）！？])\s+/g, "$1").replace(/\s*\.\s+(?=\S)/g, "　");
    const start = plain.search(/[。、」』）]/);
    if (start >= 0 && start < 24 && start < plain.length - 1) plain = plain.slice(start + 1);
    plain = plain.replace(/^[」』）、。・\s]+/, "");
  }
  return plain;
}

// The whole of each word the reader typed is marked, not the piece of it the
// index happened to match (医薬品, not 医薬).
function marked(text, terms) {
  const paragraph = document.createElement("p");
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = escaped.length ? new RegExp(`(${escaped.join("|")})`, "gi") : null;
  const pieces = pattern ? text.split(pattern) : [text];
  pieces.forEach((piece, index) => {
    if (index % 2 === 1) {
      const mark = document.createElement("mark");
      mark.textContent = piece;
      paragraph.append(mark);
    } else if (piece) {
      paragraph.append(piece);
    }
  });
  return paragraph;
}

function plainText(html) {
  return new DOMParser().parseFromString(html, "text/html").body.textContent;
}

function show(query, results) {
  const terms = query.split(/\s+/).filter(Boolean);
  list.replaceChildren();
  for (const result of results) {
    const item = document.createElement("li");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title;
    heading.append(link);
    item.append(heading, marked(tidy(plainText(result.excerpt), result.meta.title), terms));
    list.append(item);
  }
  const count = results.length;
  const name = count === 0 ? "none" : count === 1 ? "one" : "other";
  status.textContent = message(name, { count, query });
}

// The index comes in shards, one Pagefind bundle each; the first loads the
// search engine and the others are merged into it. Result URLs start at the
// site root, wherever a bundle sits.
const bundles = form.dataset.bundles.split(" ").filter(Boolean);

async function load() {
  const baseUrl = new URL(form.dataset.root, location.href).pathname;
  const engine = await import(bundles[0] + "pagefind.js");
  await engine.options({ baseUrl, excerptLength: japanese ? 60 : 30 });
  for (const bundle of bundles.slice(1)) {
    await engine.mergeIndex(bundle, { baseUrl });
  }
  return engine;
}

async function run(query) {
  const ticket = ++latest;
  try {
    if (!bundles.length) {
      show(query, []);
      return;
    }
    pagefind ??= await load();
    const search = await pagefind.search(query);
    const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    if (ticket === latest) show(query, results);  // a newer query has not overtaken it
  } catch (error) {
    status.textContent = form.dataset.failed;
  }
}

function submit() {
  const query = input.value.trim();
  history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  if (!query) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  run(query);
}

let typing;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(submit, 250);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  submit();
});

const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  input.value = initial;
  run(initial);
}
