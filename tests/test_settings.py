"""Settings from [tool.newsclean] in pyproject.toml, newsclean.toml, or --config; flags win."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from newsclean.cli import fix
from newsclean.run import settings

from .test_cli import CLEANED, DIRTY

SIMPLIFIED = "1月4日，大会开幕，会议开始，会场热闹，会后散场。\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A repository folder (with .git) holding a.txt, the current folder."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "a.txt").write_text(DIRTY, "utf-8")
    monkeypatch.chdir(root)
    return root


def test_pyproject_tool_table_applies_to_inputs_below_it(cli, project):
    (project / "pyproject.toml").write_text('[tool.newsclean]\nto = "zh-hans"\n')
    assert cli("fix", "docs/a.txt").expect(0).out == SIMPLIFIED
    assert cli("fix", stdin=DIRTY.encode()).expect(0).out == SIMPLIFIED  # stdin: from cwd


def test_flags_win_over_the_file(cli, project):
    (project / "pyproject.toml").write_text('[tool.newsclean]\nto = "zh-hans"\nquiet = true\n')
    assert cli("fix", "--to", "zh-hant", "docs/a.txt").expect(0).out == CLEANED
    (project / "pyproject.toml").write_text("[tool.newsclean]\nprogress = true\n")
    assert "cleaned 1 file" in cli("fix", "docs/a.txt").expect(0).stderr
    assert cli("fix", "--no-progress", "docs/a.txt").expect(0).stderr == ""


def test_pyproject_without_the_table_is_passed_over(cli, project):
    (project / "newsclean.toml").write_text('to = "zh-hans"\n')
    (project / "docs" / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    assert cli("fix", "docs/a.txt").expect(0).out == SIMPLIFIED


def test_nearest_file_wins_and_newsclean_toml_beats_pyproject(cli, project):
    (project / "pyproject.toml").write_text('[tool.newsclean]\nto = "zh-hans"\n')
    (project / "docs" / "pyproject.toml").write_text('[tool.newsclean]\nskip = ["punctuation"]\n')
    out = cli("fix", "docs/a.txt").expect(0).out
    assert out == "1月4日,大會開幕,會議開始,會場熱鬧,會後散場。\n"  # docs' file only
    (project / "docs" / "newsclean.toml").write_text('stages = "pinyin,script"\nto = "zh-hans"\n')
    assert (
        cli("fix", "docs/a.txt").expect(0).out == "1月4日,大会开幕,会议开始,会场热闹,会后散场。\n"
    )


def test_search_stops_at_the_repository_root(cli, project):
    (project.parent / "newsclean.toml").write_text('to = "zh-hans"\n')  # outside the repository
    assert cli("fix", "docs/a.txt").expect(0).out == CLEANED


def test_config_option_names_the_file(cli, project, tmp_path):
    other = tmp_path / "ci.toml"
    other.write_text('to = "simplified"\n')
    (project / "pyproject.toml").write_text('[tool.newsclean]\nto = "zh-hk"\n')
    assert cli("fix", "--config", str(other), "docs/a.txt").expect(0).out == SIMPLIFIED
    assert cli("fix", "docs/a.txt", "--config", str(other)).expect(0).out == SIMPLIFIED


def test_keys_are_the_long_option_names_with_dashes_or_underscores(cli, project, tmp_path):
    (project / "docs" / "b.txt").write_text(DIRTY, "utf-8")
    (project / "docs" / "skip.md").write_text(DIRTY, "utf-8")
    (project / "newsclean.toml").write_text(
        'output_dir = "clean"\njobs = 2\ninclude = "*.txt"\nexclude = ["b.*"]\n'
    )
    cli("fix", "docs").expect(0)  # -o comes from the file, relative to the file's folder
    assert sorted(p.name for p in (project / "clean").iterdir()) == ["a.txt"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '[tool.newsclean]\ntoo = "zh-hans"\n',
            "unknown key 'too' in {path} [tool.newsclean] (did you mean 'to'?)",
        ),
        ("[tool.newsclean]\nconfig = 'x.toml'\n", "unknown key 'config'"),
        (
            '[tool.newsclean]\njobs = "many"\n',
            "invalid value for 'jobs' in {path} [tool.newsclean]",
        ),
        ("[tool.newsclean]\njobs = 0\n", "invalid value for 'jobs'"),
        ('[tool.newsclean]\nreport = "xml"\n', "invalid value for 'report'"),
        (
            '[tool.newsclean]\nskip = ["nonsense"]\n',
            "unknown stage 'nonsense' (stages are: encoding",
        ),
        ('[tool.newsclean]\nto = "klingon"\n', "unknown script target 'klingon'"),
        ("[tool.newsclean\n", "invalid TOML in {path}"),
        ("[tool]\nnewsclean = 3\n", "must be a table"),
    ],
)
def test_bad_settings_are_usage_errors_naming_key_and_file(cli, project, content, message):
    path = project / "pyproject.toml"
    path.write_text(content)
    run = cli("fix", "docs/a.txt").expect(2)
    assert message.format(path=path) in run.stderr, run.stderr
    if "skip" in content:
        assert f"(set in {path})" in run.stderr


def test_every_long_option_is_a_key_even_ones_added_later(cli, project, monkeypatch):
    """Keys come from the command's own options: a new option needs no settings code."""
    keys = settings.option_keys(fix)
    for key in (
        "to",
        "stages",
        "skip",
        "encoding",
        "quiet",
        "jobs",
        "check",
        "diff",
        "include",
        "exclude",
        "jsonl",
        "field",
        "stats-field",
        "progress",
        "report",
        "report-file",
        "output-dir",
        "in-place",
    ):
        assert key in keys, key
    assert "config" not in keys and "no-progress" not in keys
    extra = click.Option(["--future-rules-file"], type=click.Path(path_type=Path))
    monkeypatch.setattr(fix, "params", [*fix.params, extra])
    (project / "newsclean.toml").write_text('future_rules_file = "footers.txt"\n')
    seen = {}

    def spy(config, params):
        seen.update(params)
        return [], []

    monkeypatch.setattr("newsclean.cli.corpus_steps", spy)
    cli("fix", "docs/a.txt").expect(0)
    assert seen["future_rules_file"] == project / "footers.txt"  # relative to the file
    cli("fix", "--future-rules-file", "x.txt", "docs/a.txt").expect(0)
    assert seen["future_rules_file"] == Path("x.txt")


def test_find_config_from_several_inputs_uses_their_common_folder(project):
    (project / "docs" / "sub").mkdir()
    (project / "docs" / "newsclean.toml").write_text("")
    found = settings.find_config(["docs/a.txt", "docs/sub"], cwd=project)
    assert found == project / "docs" / "newsclean.toml"
    assert settings.find_config(["docs/a.txt", "."], cwd=project) is None


def test_boilerplate_file_in_settings_is_relative_to_the_settings_file(cli, project):
    """A rules file named in newsclean.toml is found next to it, from any working folder."""
    (project / "conf").mkdir()
    (project / "conf" / "rules.txt").write_text("青禾网客服热线\n", "utf-8")
    (project / "conf" / "newsclean.toml").write_text('boilerplate-file = "rules.txt"\n', "utf-8")
    (project / "docs" / "b.txt").write_text(
        "今天天气很好，我们去公园散步。\n青禾网客服热线 12345\n", "utf-8"
    )
    run = cli("fix", "--config", "conf/newsclean.toml", "docs/b.txt").expect(0)
    assert run.out == "今天天气很好，我们去公园散步。\n"
