"""Category pages and the "Filter By:" control, in every language.

Posts name their category by a key of ``CATEGORIES`` (``Category:
internet-pharmacies``); the key is also the slug, so a category has the same
URL in every language: ``category/{slug}/`` and ``{lang}/category/{slug}/``,
linked to each other as translations. The value of each key is the English
label, translated through the catalogs.

Adds:
- ``article.category_label`` and ``article.category_url``: the label msgid of
  the article's category and its page in the article's language;
- ``category_filter[lang]``: one :class:`FilterEntry` per category that has
  posts in that language (label, url, count), in ``CATEGORIES`` order;
- per language and category: a paginated page (template ``category``, with
  ``category_entry`` in its context) and an Atom feed at ``feed``.

Unknown keys are reported by ``content_check``. Settings read: ``CATEGORIES``.
"""

from dataclasses import dataclass

from pelican import signals
from pelican.generators import Generator
from site_model.feeds import write_feed
from site_model.listings import every_article, linked_listings
from site_model.site import site_of
from site_model.urls import site_paths

# What this plugin adds (for templates, Pelican and readers), and what it reads
# that another plugin adds, each at the stage where it happens: held to the order
# of PLUGINS by tests/plugins/test_plugin_contracts.py.
PROVIDES = {"article.category_label": "article_generator_finalized",
            "article.category_url": "article_generator_finalized",
            "context.category_filter": "generate_context"}
READS = {}


@dataclass(frozen=True)
class FilterEntry:
    """A category in the filter: what a page shows of it, not its reports (a
    page that shows the filter then does not depend on every report)."""

    slug: str
    label: str
    url: str
    feed: str
    count: int


def members_of(settings, articles):
    """{category key: its reports}, in ``CATEGORIES`` order, empty ones left out."""
    found = {slug: [a for a in articles if a.category.slug == slug]
             for slug in settings["CATEGORIES"]}
    return {slug: members for slug, members in found.items() if members}


def filter_entries(settings, lang, articles):
    paths = site_paths(settings)[lang]
    return [
        FilterEntry(slug=slug, label=settings["CATEGORIES"][slug], url=paths.category(slug),
                    feed=paths.category_feed(slug), count=len(members))
        for slug, members in members_of(settings, articles).items()
    ]


def label_articles(generator):
    settings = generator.settings
    paths = site_paths(settings)
    for article in every_article(generator):
        slug = article.category.slug
        article.category_label = settings["CATEGORIES"].get(slug, article.category.name)
        article.category_url = paths[article.lang].category(slug)


class CategoryPagesGenerator(Generator):
    def generate_context(self):
        by_lang = site_of(self.context).articles_by_lang
        self.members = {lang: members_of(self.settings, articles)
                        for lang, articles in by_lang.items()}
        self.filters = {lang: filter_entries(self.settings, lang, articles)
                        for lang, articles in by_lang.items()}
        self.context["category_filter"] = self.filters

    def generate_output(self, writer):
        for slug, label in self.settings["CATEGORIES"].items():
            present = {
                lang: entry
                for lang, entries in self.filters.items()
                for entry in entries
                if entry.slug == slug
            }
            listings = linked_listings(
                self.settings,
                "category",
                {lang: entry.url for lang, entry in present.items()},
            )
            for lang, entry in present.items():
                articles = self.members[lang][slug]
                writer.write_file(
                    f"{entry.url}index.html",
                    self.get_template("category"),
                    self.context,
                    url=entry.url,
                    articles=articles,
                    paginated={"articles": articles},
                    template_name="category",
                    listing=listings[lang],
                    category_entry=entry,
                )
                write_feed(writer, self.settings, entry.feed, lang, label, articles, entry.url)


def get_generators(pelican):
    return CategoryPagesGenerator


def register():
    signals.article_generator_finalized.connect(label_articles)
    signals.get_generators.connect(get_generators)
