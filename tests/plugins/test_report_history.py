"""A "Changes since publication" page per report, from the repository's own
history: built from throwaway git repositories with fixed commit dates."""

import os
import subprocess

from report_history import git_history

from tests.fixture_sites import build_in_process, post, warm_cache, write_content
from tests.site import text_of

AUTHOR = {"GIT_AUTHOR_NAME": "Secret Author", "GIT_AUTHOR_EMAIL": "secret@author.example",
          "GIT_COMMITTER_NAME": "Secret Committer",
          "GIT_COMMITTER_EMAIL": "secret@committer.example"}
FIRST = "The pharmacy sold pills without a prescription."


class Repository:
    """A git repository in ``root`` whose content folder is committed at fixed dates."""

    def __init__(self, root):
        self.root = root
        self.content = write_content(root / "content", {})
        self.git("init", "-q", "-b", "main")

    def git(self, *args, date="2016-01-01T00:00:00+00:00"):
        env = {**os.environ, **AUTHOR, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
               "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(self.root)}
        return subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=self.root,
                              env=env, check=True, capture_output=True, text=True).stdout

    def commit(self, date, files, message="Secret message"):
        for name, text in files.items():
            path = self.content / name
            if text is None:
                path.unlink()
            else:
                path.write_text(text, encoding="utf-8")
        self.git("add", "-A", date=date)
        self.git("commit", "-q", "--allow-empty", "-m", message, date=date)
        return self.git("rev-parse", "HEAD").strip()


def report(body=FIRST, **fields):
    return post(title=fields.pop("title", "Pharmacy fined"), slug="fined",
                date="2016-10-05 09:00", body=body, **fields)


def build(tmp_path, repository, name="out", extra=None):
    site, result = build_in_process(tmp_path / name, repository.content, extra=extra)
    assert result.ok, result.problems
    return site


def every_file_text(site):
    return "".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in site.root.rglob("*") if p.is_file())


def test_changes_after_publication_are_listed_newest_first_word_by_word(tmp_path):
    repo = Repository(tmp_path / "repo")
    # Before its date the report was embargoed: changes then are not history.
    repo.commit("2016-10-01T00:00:00+00:00", {"en/fined.md": report("Early draft words.")})
    repo.commit("2016-10-03T00:00:00+00:00", {"en/fined.md": report()})
    # Published on 2016-10-05; a change of markup only changes nothing readers see.
    repo.commit("2016-10-10T00:00:00+00:00", {"en/fined.md": report(FIRST.replace(" ", "  "))})
    repo.commit("2016-10-12T00:00:00+00:00", {"en/fined.md": report(
        "The pharmacy sold tablets without a prescription.", title="Pharmacy fined again")})
    repo.commit("2016-10-20T00:00:00+00:00", {"en/fined.md": report(
        "The pharmacy sold tablets without a prescription.\n\nIt closed in November.",
        title="Pharmacy fined again")})
    site = build(tmp_path, repo)
    soup = site.soup("/posts/fined/history/")
    assert soup.html["lang"] == "en"
    changes = soup.select(".history-change")
    assert [c.select_one("time")["datetime"][:10] for c in changes] == [
        "2016-10-20", "2016-10-12"]
    newest, older = changes
    assert [text_of(i) for i in newest.select("ins")] == ["It closed in November."]
    assert not newest.select("del")
    assert [text_of(d) for d in older.select("del")] == ["pills"]
    assert [text_of(i) for i in older.select("ins")] == ["again", "tablets"]
    assert "Early draft" not in every_file_text(site)
    assert soup.select_one('.kicker a')["href"] == "/posts/fined/"


def test_only_dates_and_text_are_published_never_who_or_why(tmp_path):
    repo = Repository(tmp_path / "repo")
    repo.commit("2016-10-06T00:00:00+00:00", {"en/fined.md": report()})
    repo.commit("2016-10-07T00:00:00+00:00", {"en/fined.md": report("Changed.")})
    text = every_file_text(build(tmp_path, repo))
    assert "posts/fined/history/" in text
    for private in ("Secret", "secret@", "author.example", "committer.example"):
        assert private not in text


def test_a_report_first_committed_as_a_draft_starts_its_history_when_published(tmp_path):
    repo = Repository(tmp_path / "repo")
    repo.commit("2016-10-06T00:00:00+00:00", {"en/fined.md": report("Draft text.",
                                                                     status="draft")})
    repo.commit("2016-10-07T00:00:00+00:00", {"en/fined.md": report()})
    site = build(tmp_path, repo)
    assert site.file_for("/posts/fined/history/") is None  # published once, never changed
    repo.commit("2016-10-08T00:00:00+00:00", {"en/fined.md": report(FIRST + " Updated.")})
    site = build(tmp_path, repo, "out-2")
    changes = site.soup("/posts/fined/history/").select(".history-change")
    assert len(changes) == 1 and "Draft text" not in every_file_text(site)


def test_a_withheld_change_is_dated_and_what_it_wrote_appears_nowhere(tmp_path):
    repo = Repository(tmp_path / "repo")
    claim = "A libellous claim."
    repo.commit("2016-10-06T00:00:00+00:00", {"en/fined.md": report(FIRST + "\n\nIt paid.")})
    withheld = repo.commit("2016-10-07T00:00:00+00:00", {"en/fined.md": report(
        f"{FIRST}\n\n{claim}\n\nIt paid. {claim}", title="Pharmacy fined: a claim")})
    # Kept for a while, beside changes readers may see...
    repo.commit("2016-10-08T00:00:00+00:00", {"en/fined.md": report(
        f"{FIRST} A fact.\n\n{claim}\n\nIt paid. {claim}", title="Pharmacy fined: a claim")})
    # ...then taken out, and the paragraph it changed edited again.
    repo.commit("2016-10-09T00:00:00+00:00", {"en/fined.md": report(
        f"{FIRST} A fact.\n\nIt paid in full.")})
    site = build(tmp_path, repo, extra={
        "REPORT_HISTORY_WITHHELD": [["content/en/fined.md", withheld[:10]]]})
    changes = site.soup("/posts/fined/history/").select(".history-change")
    assert [c.select_one("time")["datetime"][:10] for c in changes] == [
        "2016-10-09", "2016-10-08", "2016-10-07"]
    removed, kept, hidden = changes
    assert "withheld" in text_of(hidden) and not hidden.select("ins, del")
    assert [text_of(i) for i in kept.select("ins")] == ["A fact."] and not kept.select("del")
    assert "withheld" in text_of(removed) and not removed.select("ins, del")
    text = every_file_text(site)
    assert "libellous" not in text and "a claim" not in text
    # The paragraph the withheld change wrote stays out, however it was edited later.
    assert "in full" not in text_of(removed)


def test_a_japanese_report_gets_its_history_in_japanese(tmp_path):
    repo = Repository(tmp_path / "repo")
    ja = post(title="薬局に罰金", slug="bakkin", lang="ja", date="2016-10-05 09:00",
              body="その薬局は処方箋なしで錠剤を販売した。")
    repo.commit("2016-10-06T00:00:00+00:00", {"ja/bakkin.md": ja})
    repo.commit("2016-10-07T00:00:00+00:00", {"ja/bakkin.md": ja.replace("錠剤", "カプセル")})
    soup = build(tmp_path, repo).soup("/ja/posts/bakkin/history/")
    assert soup.html["lang"] == "ja"
    assert text_of(soup.select_one("h1")) == "公開後の変更履歴"
    change = soup.select_one(".history-change")
    assert [text_of(d) for d in change.select("del")] == ["錠剤"]
    assert [text_of(i) for i in change.select("ins")] == ["カプセル"]


def test_without_git_history_the_build_says_so_once_and_writes_no_history(tmp_path, capsys):
    content = write_content(tmp_path / "content", {"en/fined.md": report()})
    warm = warm_cache()
    for run in range(2):
        site, result = build_in_process(tmp_path / "out", content, extra=warm, fresh=run == 0)
        assert result.ok, result.problems
    assert capsys.readouterr().out.count("no git history of") == 1
    assert not list(site.root.rglob("history"))


def test_the_preview_reads_the_history_again_only_when_head_moves(tmp_path, monkeypatch):
    repo = Repository(tmp_path / "repo")
    repo.commit("2016-10-06T00:00:00+00:00", {"en/fined.md": report()})
    repo.commit("2016-10-07T00:00:00+00:00", {"en/fined.md": report("Changed.")})
    logs = []
    reading = git_history.commits_touching
    monkeypatch.setattr(git_history, "commits_touching",
                        lambda folder: logs.append(folder) or reading(folder))
    warm = warm_cache()
    for _ in range(2):
        site, result = build_in_process(tmp_path / "out", repo.content, extra=warm)
        assert result.ok, result.problems
    assert len(logs) == 1
    repo.commit("2016-10-08T00:00:00+00:00", {"en/fined.md": report("Changed again.")})
    site, result = build_in_process(tmp_path / "out", repo.content, extra=warm)
    assert len(logs) == 2
    assert len(site.soup("/posts/fined/history/").select(".history-change")) == 2


def test_a_domain_an_old_version_wrote_bare_is_shown_defanged(tmp_path):
    repo = Repository(tmp_path / "repo")
    repo.commit("2016-10-06T00:00:00+00:00", {"en/fined.md": report(
        "It sold pills at www.Rogue.example and https://rogue.example/shop today.")})
    repo.commit("2016-10-07T00:00:00+00:00", {"en/fined.md": report(
        "It sold pills at [[rogue.example]].")})
    site = build(tmp_path, repo)
    page = site.soup("/posts/fined/history/")
    assert "www[.]Rogue[.]example" in text_of(page) and "rogue[.]example/shop" in text_of(page)
    history = site.file_for("/posts/fined/history/").read_text(encoding="utf-8")
    assert "rogue.example" not in history.lower()


def test_only_text_readers_saw_is_compared_never_markup_or_code(tmp_path):
    repo = Repository(tmp_path / "repo")
    # The content check reads only today's files: an old version may hold anything.
    repo.commit("2016-10-06T00:00:00+00:00", {"en/fined.md": report(
        FIRST + " <i onclick=\"x()\">Was</i>\n\n<script>stolen()</script><style>p{}</style>"
        "\n\n<!-- a comment -->")})
    repo.commit("2016-10-07T00:00:00+00:00", {"en/fined.md": report(
        FIRST + " <b>Now</b> *bold*.")})
    page = build(tmp_path, repo).file_for("/posts/fined/history/").read_text()
    for never in ("stolen", "p{}", "comment", "onclick", "<b>", "&lt;b&gt;", "x()"):
        assert never not in page, never
    assert "Now" in page and "bold" in page and "Was" in page


def test_content_never_committed_has_no_history_and_the_build_says_so(tmp_path, capsys):
    repo = Repository(tmp_path / "repo")
    repo.commit("2016-10-06T00:00:00+00:00", {})  # a repository, but the post is not in it
    (repo.content / "en" / "fined.md").write_text(report(), encoding="utf-8")
    site = build(tmp_path, repo)
    assert capsys.readouterr().out.count("no git history of") == 1
    assert not list(site.root.rglob("history"))


def test_a_change_made_on_a_branch_is_dated_when_it_was_merged(tmp_path):
    repo = Repository(tmp_path / "repo")
    repo.commit("2016-10-06T00:00:00+00:00", {"en/fined.md": report()})
    repo.git("checkout", "-q", "-b", "edit")
    repo.commit("2016-10-07T00:00:00+00:00", {"en/fined.md": report(FIRST + " Edited.")})
    repo.git("checkout", "-q", "main")
    repo.commit("2016-10-08T00:00:00+00:00", {"en/other.md": post(slug="other")})
    repo.git("merge", "-q", "--no-ff", "-m", "Merge", "edit", date="2016-10-10T00:00:00+00:00")
    changes = build(tmp_path, repo).soup("/posts/fined/history/").select(".history-change")
    assert [c.select_one("time")["datetime"][:10] for c in changes] == ["2016-10-10"]
    assert [text_of(i) for i in changes[0].select("ins")] == ["Edited."]


def test_two_clones_in_different_folders_build_the_same_history(tmp_path):
    repo = Repository(tmp_path / "repo")
    repo.commit("2016-10-06T00:00:00+00:00", {"en/fined.md": report()})
    repo.commit("2016-10-08T00:00:00+00:00", {"en/fined.md": report("The fine was paid.")})
    outputs = []
    for name in ("first", "elsewhere/second"):
        clone = tmp_path / name
        clone.parent.mkdir(parents=True, exist_ok=True)
        repo.git("clone", "-q", str(repo.root), str(clone))
        site, result = build_in_process(tmp_path / f"out-{name.replace('/', '-')}",
                                        clone / "content")
        assert result.ok, result.problems
        outputs.append(site.root)
    first, second = outputs
    assert (first / "posts" / "fined" / "history" / "index.html").exists()
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
