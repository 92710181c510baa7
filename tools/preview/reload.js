// The live preview's reloader: served by tools/serve.py, never part of the site.
// Listens to the preview's build events: reloads the page when a build changed
// it, and shows a failed build's problems over the page until one succeeds.
const script = document.currentScript;
const servedBuild = Number(new URL(script.src).searchParams.get("build"));
const lang = document.documentElement.lang || "en";
const here = location.pathname.replace(/index\.html$/, "");
let overlay = null;

function stylesheet() {
  if (document.querySelector("link[data-preview]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = "/__preview__/overlay.css";
  link.dataset.preview = "";
  document.head.append(link);
}

function showProblems(event) {
  stylesheet();
  overlay?.remove();
  overlay = document.createElement("section");
  overlay.className = "preview-problems";
  overlay.setAttribute("role", "alert");
  const title = document.createElement("h2");
  title.textContent = event.strings.title;
  const kept = document.createElement("p");
  kept.textContent = event.strings.kept;
  const list = document.createElement("ul");
  for (const problem of event.problems) {
    const item = document.createElement("li");
    item.textContent = problem;
    list.append(item);
  }
  const hide = document.createElement("button");
  hide.type = "button";
  hide.textContent = event.strings.close;
  hide.addEventListener("click", () => overlay.remove());
  overlay.append(title, kept, list, hide);
  document.body.append(overlay);
}

function concerns(event) {
  // A changed stylesheet, script or image can show on any page.
  return event.changed.some((url) => url === here || !url.endsWith("/") && !url.endsWith(".xml"));
}

const source = new EventSource(`/__preview__/events?lang=${encodeURIComponent(lang)}`);
source.addEventListener("message", (message) => {
  const event = JSON.parse(message.data);
  if (!event.ok) {
    showProblems(event);
  } else if (event.build > servedBuild && (overlay || concerns(event))) {
    location.reload();
  }
});
