"""content/ is a real folder: a build refuses one that is a symbolic link, which
would publish posts and copy images from wherever it points."""

import site_build

from tests.fixture_sites import WITHOUT_SEARCH, post, write_content


def test_a_build_refuses_a_content_folder_that_is_a_symbolic_link(tmp_path):
    real = write_content(tmp_path / "elsewhere", {"en/a-report.md": post()})
    link = tmp_path / "content"
    link.symlink_to(real, target_is_directory=True)
    output = tmp_path / "output"
    # PATH as pelicanconf.py names it (not resolved, as --content is).
    settings = site_build.settings_for(output=output, overrides={
        "PATH": str(link), "PLUGINS": WITHOUT_SEARCH})
    result = site_build.build(settings)
    assert [str(problem) for problem in result.problems] == [
        "content: folder: is a symbolic link: the posts must live in the project "
        "(replace it with the folder)"]
    assert not output.exists() and not output.with_name("output.next").exists()
