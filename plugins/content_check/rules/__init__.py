"""The rules of the content check, one module per concern.

Each rule is a function over the shared :class:`content_check.context.Context`
(its first argument, ``self``) and usually one document; it records what it
finds with ``self.report`` (or ``self.say`` for a file that is no document).
``content_check.checker`` runs them in order.

- :mod:`.files`: what the walk of ``content/`` finds that is not a post (links,
  stray files, wrong images, names with control characters, text not in UTF-8);
- :mod:`.header`: fields, required fields, choices, slugs, invisible
  characters, where the header ends;
- :mod:`.dates`: ``Date`` and ``Modified``, and the build's "now";
- :mod:`.body`: active HTML, comments, schemes, alt text, reported domains;
- :mod:`.links`: image and link targets;
- :mod:`.figures`: ``::: figure`` blocks;
- :mod:`.notes`: ``Note:`` lines, and a translation's notes;
- :mod:`.series`: ``Series`` and ``Part``, one part number per language;
- :mod:`.translations`: ``Translation-Of``, its original, cycles;
- :mod:`.headings`: heading ids that the theme already uses;
- :mod:`.nesting`: lists and quotes nested too deep to convert;
- :mod:`.domains`: the domains the reports name;
- :mod:`.catalogs`: every interface string translated.
"""
