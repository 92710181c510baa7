"""The site model: what every plugin of this site agrees on.

A plain package, not a plugin (it is not in ``PLUGINS`` and registers
nothing). Plugins import Pelican, third-party packages, their own modules and
this package, never each other, so the order of ``PLUGINS`` matters only for
the order of signals. It holds no state: every function here computes its
answer from its arguments.

- :mod:`.urls`: where every kind of page lives, in every language;
- :mod:`.languages`: a page's versions in other languages;
- :mod:`.listings`: the order and grouping of reports in listings;
- :mod:`.feeds`: Atom feeds with stable dates;
- :mod:`.catalogs`: the compiled gettext catalogs;
- :mod:`.header`, :mod:`.notes`, :mod:`.translation_of`, :mod:`.figures`,
  :mod:`.domains`: the editors' syntax (post headers, notes, translations,
  evidence figures, domain mentions);
- :mod:`.html_policy`: the HTML a published page may carry;
- :mod:`.problems`: mistakes in content, named by file, line and field.
"""
