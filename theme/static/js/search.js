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

async function run(query) {
  try {
    if (!pagefind) {
      pagefind = await import(form.dataset.bundle + "pagefind.js");
      // Each language's bundle sits in its own folder; result URLs start at the site root.
      await pagefind.options({ baseUrl: new URL(form.dataset.root, location.href).pathname });
    }
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
