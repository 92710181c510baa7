// Search with Pagefind. Pagefind picks the index of this page's <html lang>,
// so results are always in the reader's language. Strings come from the page
// (translated by the theme's catalogs); results are built with DOM methods
// only, so no markup from the index is ever inserted as HTML.
const form = document.querySelector("[data-search]");
const input = form.querySelector("input[name=q]");
const status = document.querySelector(".search-status");
const list = document.querySelector(".search-results");
let pagefind;

function message(name, values) {
  return form.dataset[name].replace(/%\((\w+)\)s/g, (_, key) => values[key]);
}

// Pagefind marks matches with <mark>: keep those, and only as text.
function excerpt(html) {
  const paragraph = document.createElement("p");
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent);
    }
  }
  return paragraph;
}

function show(query, results) {
  list.replaceChildren();
  for (const result of results) {
    const item = document.createElement("li");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title;
    heading.append(link);
    item.append(heading, excerpt(result.excerpt));
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
  await engine.options({ baseUrl });
  for (const bundle of bundles.slice(1)) {
    await engine.mergeIndex(bundle, { baseUrl });
  }
  return engine;
}

async function run(query) {
  try {
    if (!bundles.length) {
      show(query, []);
      return;
    }
    pagefind ??= await load();
    const search = await pagefind.search(query);
    show(query, await Promise.all(search.results.slice(0, 20).map((r) => r.data())));
  } catch (error) {
    status.textContent = form.dataset.failed;
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = input.value.trim();
  if (!query) return;
  history.replaceState(null, "", `?q=${encodeURIComponent(query)}`);
  run(query);
});

const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  input.value = initial;
  run(initial);
}
