"""The command line (wfmcourse.apps.cli): published example, Erlang A, --agents, CSV files, errors."""
import re
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from wfmcourse.apps import cli
from wfmcourse.domain import chat, erlang, shrinkage
from wfmcourse.presentation import dutch

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ["staff", "--calls", "100", "--interval", "1800", "--aht", "180", "--sl", "80/20"]


def run(argv, capsys):
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def field(text, label):
    """The value after 'label:' in the aligned output, whitespace collapsed."""
    match = re.search(rf"^{re.escape(label)}:\s+(.*)$", text, flags=re.MULTILINE)
    assert match, f"no line {label!r} in\n{text}"
    return match.group(1).strip()


def one_line_error(err):
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("fout: ")
    assert "Traceback" not in err
    return lines[0]


# ---------------------------------------------------------------------------
# one interval
# ---------------------------------------------------------------------------
def test_published_example_erlang_c(capsys):
    """100 calls in 30 min at AHT 180 s = 10 Erlang; 80/20 needs 14 agents (textbook example):
    SL 88.8 %, ASA 7.8 s, occupancy 10/14 = 71.4 %."""
    code, out, err = run(EXAMPLE, capsys)
    assert code == 0 and err == ""
    assert field(out, "Medewerkers nodig") == "14"
    assert field(out, "Service level") == "88,8 % binnen 20 s"
    assert field(out, "ASA") == "7,8 s"
    assert field(out, "Occupancy") == "71,4 %"
    assert "10,00 Erlang" in field(out, "Aanbod")
    assert "Afgehaakt" not in out
    # aligned: every value starts in the same column
    starts = {line.index(":") + len(re.match(r":\s*", line[line.index(":"):]).group())
              for line in out.strip().splitlines()}
    assert len(starts) == 1


def test_staff_summary_is_pure_and_matches_the_package():
    s = cli.staff_summary(100, 180, interval=1800, awt=20, target=0.8)
    assert s["model"] == "Erlang C" and s["agents"] == 14 and not s["agents_given"]
    assert s["traffic"] == pytest.approx(10.0)
    assert s["service_level"] == pytest.approx(0.888, abs=5e-4)
    assert s["asa"] == pytest.approx(7.8, abs=0.05)
    assert s["occupancy"] == pytest.approx(10 / 14)
    assert s["abandonment"] is None and s["agents_to_roster"] is None and s["fte"] is None
    assert s["service_level"] == erlang.service_level(14, 10.0, 180, 20)
    text = cli.format_summary(s)
    assert "Medewerkers nodig:" in text and not text.endswith("\n")


def test_staff_summary_is_the_row_of_the_one_staffing_evaluator():
    from wfmcourse.domain import staffing

    for kwargs in (dict(), dict(patience=120), dict(agents=12), dict(max_occupancy=0.7)):
        s = cli.staff_summary(100, 180, interval=1800, awt=20, target=0.8, **kwargs)
        row = staffing.evaluate(100, 180, interval=1800, awt=20, target=0.8, **kwargs).iloc[0]
        for key in ("traffic", "agents", "agents_needed", "meets_target", "service_level", "asa",
                    "occupancy"):
            assert s[key] == row[key] and type(s[key]) in (int, float, bool), key
        assert s["abandonment"] == row.get("abandonment")


def test_target_and_awt_are_an_alternative_to_sl(capsys):
    _, via_sl, _ = run(EXAMPLE, capsys)
    alt = EXAMPLE[:-2] + ["--target", "0.8", "--awt", "20"]
    code, via_target, _ = run(alt, capsys)
    assert code == 0 and via_target == via_sl
    code, via_percent, _ = run(EXAMPLE[:-2] + ["--target", "80%", "--awt", "20"], capsys)
    assert code == 0 and via_percent == via_sl


def test_parse_sl():
    assert cli.parse_sl("80/20") == (0.8, 20.0)
    assert cli.parse_sl(" 90% / 15s ") == (0.9, 15.0)
    assert cli.parse_sl("80,5/20") == (pytest.approx(0.805), 20.0)
    for bad in ("80", "80-20", "0/20", "100/20", "abc"):
        with pytest.raises(ValueError, match="sl"):
            cli.parse_sl(bad)


def test_erlang_a_path_prints_abandonment(capsys):
    code, out, err = run(EXAMPLE + ["--patience", "120"], capsys)
    assert code == 0 and err == ""
    assert field(out, "Model").startswith("Erlang A")
    need = erlang.agents_needed(10.0, 180, 20, 0.8, patience=120)
    assert field(out, "Medewerkers nodig") == str(need)
    assert need <= 14          # callers who hang up lighten the queue
    ab = erlang.abandonment(need, 10.0, 180, 120)
    assert field(out, "Afhaakpercentage") == f"{100 * ab:.1f} %".replace(".", ",")
    s = cli.staff_summary(100, 180, interval=1800, patience=120)
    assert s["abandonment"] == pytest.approx(ab)
    assert s["occupancy"] == pytest.approx(erlang.occupancy(need, 10.0, 180, patience=120))


def test_given_agents_are_evaluated_not_searched(capsys):
    code, out, _ = run(EXAMPLE + ["--agents", "13"], capsys)
    assert code == 0
    assert field(out, "Medewerkers (gegeven)") == "13"
    assert field(out, "Doel gehaald").startswith("nee (nodig: 14")
    sl = erlang.service_level(13, 10.0, 180, 20)
    assert field(out, "Service level") == f"{100 * sl:.1f} % binnen 20 s".replace(".", ",")
    code, out, _ = run(EXAMPLE + ["--agents", "15"], capsys)
    assert field(out, "Doel gehaald").startswith("ja")
    # too few agents: Erlang C has no steady state; say so instead of printing nonsense
    code, out, _ = run(EXAMPLE + ["--agents", "10"], capsys)
    assert code == 0
    assert field(out, "ASA") == "oneindig"
    assert field(out, "Service level").startswith("0,0 %")
    assert "Let op" in out


def test_max_occupancy_and_max_asa_pass_through(capsys):
    code, out, _ = run(EXAMPLE + ["--max-occupancy", "0.65"], capsys)
    assert code == 0
    assert field(out, "Medewerkers nodig") == str(erlang.agents_needed(10.0, 180, 20, 0.8,
                                                                       max_occupancy=0.65))
    assert field(out, "Medewerkers nodig") == "16"      # ceil(10 / 0.65)
    code, out, _ = run(EXAMPLE + ["--max-asa", "3"], capsys)
    assert field(out, "Medewerkers nodig") == str(erlang.agents_needed(10.0, 180, 20, 0.8,
                                                                       max_asa=3))
    assert "ASA hoogstens 3 s" in field(out, "Doel")


def test_max_abandonment_pass_through(capsys):
    code, out, err = run(EXAMPLE + ["--patience", "120", "--max-abandonment", "2%"], capsys)
    assert code == 0 and err == ""
    need = erlang.agents_needed(10.0, 180, 20, 0.8, patience=120, max_abandonment=0.02)
    assert need > erlang.agents_needed(10.0, 180, 20, 0.8, patience=120)   # the cap binds
    assert field(out, "Medewerkers nodig") == str(need)
    assert "afhaakpercentage hoogstens 2 %" in field(out, "Doel")
    s = cli.staff_summary(100, 180, interval=1800, patience=120, max_abandonment=0.02)
    assert s["agents"] == need and s["max_abandonment"] == 0.02 and s["abandonment"] <= 0.02


def test_tiny_max_occupancy_is_one_clear_error(capsys):
    """Reported: --max-occupancy 1e-300 printed RuntimeWarnings (the search overflowed)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        code, out, err = run(EXAMPLE + ["--max-occupancy", "1e-300"], capsys)
    assert code == 1 and out == ""
    line = one_line_error(err)
    assert line.startswith("fout: --max-occupancy: Dit doel is niet te halen"), line


@pytest.mark.parametrize("extra", [[], ["--patience", "60"]])
def test_zero_agents_show_zero_occupancy(capsys, extra):
    """One rule (erlang.occupancy): zero agents carry nothing, occupancy 0 (it printed 100,0 %)."""
    code, out, _ = run(EXAMPLE + ["--agents", "0"] + extra, capsys)
    assert code == 0
    assert field(out, "Occupancy") == "0,0 %"
    code, out, _ = run(EXAMPLE + ["--agents", "9"] + extra, capsys)     # fewer than 10 Erlang
    expected = "100,0 %" if not extra else dutch.percent(erlang.occupancy(9, 10.0, 180, patience=60))
    assert field(out, "Occupancy") == expected


def test_shrinkage_and_fte_use_the_shrinkage_module(capsys):
    s = cli.staff_summary(100, 180, interval=1800, shrinkage_rate=0.3, contract_hours=36)
    assert s["agents_to_roster"] == 20                      # 14 / 0.7 = 20 whole people (no --absence)
    assert cli.staff_summary(100, 180, interval=1800, shrinkage_rate=0.3, absence=0.15)["agents_to_roster"] == 17
    # 20 agents scheduled for half an hour = 10 paid hours = 10/36 of a contract week
    assert s["gross_hours"] == pytest.approx(10.0)
    assert s["fte"] == pytest.approx(shrinkage.weekly_fte([14], 1800, 0.3, 36).fte)
    code, out, _ = run(EXAMPLE + ["--shrinkage", "30%", "--contract-hours", "36"], capsys)
    assert code == 0
    assert field(out, "In te roosteren").startswith("20 medewerkers (hele mensen")
    assert field(out, "Benodigde FTE").startswith("0,28 voor dit interval (10,0 bruto uur")


# ---------------------------------------------------------------------------
# CSV files
# ---------------------------------------------------------------------------
def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_round_trip(tmp_path, capsys):
    src = write(tmp_path / "in.csv",
                "interval_start,calls,aht\n"
                "2025-03-03T08:00,40,\n"
                "2025-03-03T08:15,55,200\n"
                "2025-03-03T08:30,0,190\n"
                "2025-03-03T08:45,100.5,175\n")
    dst = tmp_path / "out.csv"
    code, out, err = run(["staff", "--csv", str(src), "--aht", "180", "--sl", "90/15",
                          "--out", str(dst)], capsys)
    assert code == 0 and err == ""
    assert "Geschreven" in out and "4 intervallen" in out
    table = pd.read_csv(dst, dtype={"interval_start": str})
    assert list(table.columns) == ["interval_start", "calls", "aht", "verkeer (Erlang)", "medewerkers",
                                   "service level (%)", "ASA (s)", "occupancy (%)"]
    table = table.rename(columns={"verkeer (Erlang)": "traffic", "medewerkers": "agents", "ASA (s)": "asa"})
    table["service_level"] = table.pop("service level (%)") / 100       # percentages in the file
    table["occupancy"] = table.pop("occupancy (%)") / 100
    assert table["interval_start"].tolist() == ["2025-03-03T08:00", "2025-03-03T08:15",
                                                "2025-03-03T08:30", "2025-03-03T08:45"]
    calls = np.array([40, 55, 0, 100.5])
    aht = np.array([180, 200, 190, 175.0])      # empty cell -> --aht
    a = erlang.traffic(calls, aht, 900)
    need = erlang.agents_needed(a, aht, 15, 0.9)
    np.testing.assert_array_equal(table["agents"], need)
    np.testing.assert_allclose(table["traffic"], a, atol=1e-6)
    np.testing.assert_allclose(table["service_level"], erlang.service_level(need, a, aht, 15),
                               atol=1e-6)
    np.testing.assert_allclose(table["asa"], erlang.asa(need, a, aht), atol=1e-6)
    np.testing.assert_allclose(table["occupancy"], erlang.occupancy(need, a), atol=1e-6)
    assert table["agents"][2] == 0 and table["occupancy"][2] == 0.0     # no calls, no agents
    # row by row it agrees with the single-interval summary
    assert np.isnan(table["aht"][0])             # the file's own text is kept (empty cell)
    for c, h, n in zip(calls, aht, table["agents"]):
        assert cli.staff_summary(c, h, interval=900, awt=15, target=0.9)["agents"] == n


def test_csv_to_stdout_with_patience_and_agents_column(tmp_path, capsys):
    src = write(tmp_path / "rooster.csv", "start,calls,agents\nma 08:00,40,9\nma 08:15,60,14\n")
    code, out, err = run(["staff", "--csv", str(src), "--aht", "180", "--patience", "90",
                          "--shrinkage", "0.25"], capsys)
    assert code == 0 and err == ""
    table = pd.read_csv(pd.io.common.StringIO(out))
    assert table["agents"].tolist() == [9, 14]          # the given staffing is evaluated
    a = erlang.traffic(np.array([40, 60]), 180, 900)
    np.testing.assert_array_equal(table["nodig"],
                                  erlang.agents_needed(a, 180, 20, 0.8, patience=90))
    np.testing.assert_allclose(table["afhaakpercentage (%)"],
                               100 * erlang.abandonment(np.array([9, 14]), a, 180, 90), atol=1e-4)
    assert table["in te roosteren"].tolist() == [12, 19]          # whole people: ceil(14 / 0.75)


def test_csv_run_twice_replaces_stale_results(tmp_path, capsys):
    src = write(tmp_path / "in.csv", "calls\n40\n60\n")
    first = tmp_path / "first.csv"
    assert run(["staff", "--csv", str(src), "--aht", "180", "--patience", "60",
                "--out", str(first)], capsys)[0] == 0
    code, out, _ = run(["staff", "--csv", str(first), "--aht", "180"], capsys)
    assert code == 0
    table = pd.read_csv(pd.io.common.StringIO(out))
    assert "afhaakpercentage (%)" not in table.columns            # Erlang C now: no stale Erlang A column
    assert table.columns.tolist().count("medewerkers") == 1


def test_csv_fte_over_the_file(tmp_path, capsys):
    rows = "".join(f"2025-03-03T{8 + q // 4:02d}:{15 * (q % 4):02d},50\n" for q in range(8))
    src = write(tmp_path / "dag.csv", "interval_start,calls\n" + rows)
    dst = tmp_path / "uit.csv"
    code, out, err = run(["staff", "--csv", str(src), "--aht", "180", "--shrinkage", "0.3",
                          "--contract-hours", "36", "--out", str(dst)], capsys)
    assert code == 0, err
    need = erlang.agents_needed(10.0, 180, 20, 0.8)
    week = shrinkage.weekly_fte([need] * 8, 900, 0.3, 36)
    assert f"{week.fte:.2f} FTE".replace(".", ",") in out
    assert "Benodigde FTE (in dienst, bruto, alle shrinkage):" in out and "Inroosteren:" not in out


def test_malformed_csv_names_file_line_and_column(tmp_path, capsys):
    src = write(tmp_path / "kapot.csv", "start,calls,aht\n08:00,40,180\n08:15,veel,180\n")
    code, out, err = run(["staff", "--csv", str(src)], capsys)
    assert code == 1 and out == ""
    line = one_line_error(err)
    assert line == ("fout: Het bestand kapot.csv klopt niet (regel 3, kolom 'calls'): dit is geen "
                    "getal. Gevonden: 'veel'.")


@pytest.mark.parametrize("content, where", [
    ("calls,aht\n40,180\n50,0\n", ("regel 3, kolom 'aht'",)),         # aht must be > 0
    ("calls,aht\n40,\n", ("regel 2, kolom 'aht'",)),                   # empty and no --aht
    ("start,volume\n08:00,40\n", ("regel 1, kolom 'gesprekken'",)),         # missing column
    ("calls,agents,aht\n40,8.5,180\n", ("regel 2, kolom 'agents'",)),  # not a whole number
    ("calls,aht\n-3,180\n", ("regel 2, kolom 'calls'",)),
    ("calls\n40\n", ("regel 1, kolom 'afhandeltijd'", "geef één AHT op")),      # no aht column, no --aht
])
def test_csv_value_problems_are_located(tmp_path, capsys, content, where):
    src = write(tmp_path / "f.csv", content)
    code, _, err = run(["staff", "--csv", str(src)], capsys)
    assert code == 1
    line = one_line_error(err)
    assert "f.csv" in line and all(part in line for part in where)


def test_missing_and_unparsable_files(tmp_path, capsys):
    code, _, err = run(["staff", "--csv", str(tmp_path / "weg.csv"), "--aht", "180"], capsys)
    assert code == 1 and "weg.csv" in one_line_error(err)
    src = write(tmp_path / "leeg.csv", "")
    code, _, err = run(["staff", "--csv", str(src), "--aht", "180"], capsys)
    assert code == 1 and "leeg.csv" in one_line_error(err)
    src = write(tmp_path / "rafelig.csv", "calls,aht\n40,180\n1,2,3\n")
    code, _, err = run(["staff", "--csv", str(src)], capsys)
    assert code == 1 and "rafelig.csv" in one_line_error(err)


# ---------------------------------------------------------------------------
# errors and usage
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("extra, words", [
    (["--aht", "0"], ("--aht: De AHT", "Ingevuld: 0.")),
    (["--patience", "0"], ("--patience: Het klantgeduld",)),
    (["--interval", "-900"], ("--interval: De lengte van het interval",)),
    (["--calls", "-1"], ("--calls: Het aantal gesprekken", "-1")),
    (["--target", "80"], ("--target: Het service-leveldoel", "80")),
    (["--agents", "-2"], ("--agents: Het aantal medewerkers", "-2")),
    (["--max-occupancy", "1.5"], ("--max-occupancy: De maximale occupancy",)),
    (["--patience", "60", "--max-abandonment", "0"], ("--max-abandonment: Het maximale afhaakpercentage", "0")),
    (["--patience", "60", "--max-abandonment", "150%"], ("--max-abandonment", "1,5")),
    (["--shrinkage", "1"], ("--shrinkage: De shrinkage",)),
])
def test_bad_values_exit_1_with_one_line(capsys, extra, words):
    argv = ["staff", "--calls", "100", "--aht", "180"] + extra
    code, out, err = run(argv, capsys)
    assert code == 1 and out == ""
    line = one_line_error(err)
    assert all(word in line for word in words), line


@pytest.mark.parametrize("argv", [
    ["staff", "--calls", "100"],                                   # no --aht
    ["staff", "--aht", "180"],                                     # neither --calls nor --csv
    ["staff", "--calls", "100", "--csv", "x.csv", "--aht", "180"],  # both
    ["staff", "--calls", "veel", "--aht", "180"],
    ["staff", "--calls", "100", "--aht", "180", "--sl", "80"],
    ["staff", "--calls", "100", "--aht", "180", "--sl", "80/20", "--awt", "15"],
    ["staff", "--calls", "100", "--aht", "180", "--contract-hours", "36"],
    ["staff", "--calls", "100", "--aht", "180", "--max-abandonment", "0.05"],   # no --patience
    ["staff", "--calls", "100", "--aht", "180", "--out", "x.csv"],
    ["staff", "--calls", "100", "--aht", "180", "--bogus"],
    ["begroot"],
])
def test_bad_usage_exits_2_with_one_line(capsys, argv):
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    one_line_error(err)


def test_help(capsys):
    code, out, _ = run([], capsys)
    assert code == 0 and "staff" in out and "gebruik:" in out
    code, out, _ = run(["staff", "--help"], capsys)
    assert code == 0 and "--patience" in out and "--csv" in out


# ---------------------------------------------------------------------------
# the real entry point
# ---------------------------------------------------------------------------
def module(*args):
    return subprocess.run([sys.executable, "-m", "wfmcourse", *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


def test_python_m_wfmcourse_staff():
    done = module(*EXAMPLE)
    assert done.returncode == 0, done.stderr
    assert field(done.stdout, "Medewerkers nodig") == "14"
    assert field(done.stdout, "Service level") == "88,8 % binnen 20 s"
    assert done.stderr == ""


def test_python_m_wfmcourse_errors_without_traceback():
    done = module("staff", "--calls", "100", "--aht", "0")
    assert done.returncode == 1
    assert one_line_error(done.stderr) == ("fout: --aht: De AHT moet groter dan 0 seconden zijn: "
                                           "elk gesprek kost tijd. Ingevuld: 0.")
    done = module("staff", "--calls", "100")
    assert done.returncode == 2
    one_line_error(done.stderr)
    done = module()
    assert done.returncode == 0 and "staff" in done.stdout


# ---------------------------------------------------------------------------
# issue 19: the files and words clients use
# ---------------------------------------------------------------------------
def test_dutch_excel_file_with_dutch_headers_is_read(tmp_path, capsys):
    """The dashboard's Dutch Excel CSV: semicolons, Dutch headers, AHT as 5:00 or 4 min."""
    src = write(tmp_path / "prognose.csv", "Tijd;Gesprekken;Afhandeltijd\n08:00;40;5:00\n08:15;52;4 min\n")
    code, out, err = run(["staff", "--csv", str(src)], capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("Tijd;Gesprekken;Afhandeltijd;verkeer (Erlang);medewerkers;service level (%)")
    assert lines[1].startswith("08:00;40;5:00;13,333333;")


@pytest.mark.parametrize("aht", ["5:00", "5 min", "300 s", "300"])
def test_aht_option_takes_durations(capsys, aht):
    code, out, _ = run(["staff", "--calls", "100", "--interval", "1800", "--aht", aht], capsys)
    assert code == 0 and "AHT 300 s" in out


@pytest.mark.parametrize("argv, start", [
    (["staff", "--calls", "100", "--aht"], "fout: optie --aht: hier hoort één waarde achter"),
    (["staff", "--calls", "100", "--aht", "180", "--bla"], "fout: onbekende argumenten: --bla"),
    (["staff", "--calls", "100", "--aht", "vijf"], "fout: optie --aht: Dit is geen getal"),
    (["staff", "--calls", "100", "--aht", "180", "--sl", "120/20"], "fout: optie --sl: "),
])
def test_usage_errors_are_dutch(capsys, argv, start):
    code, _, err = run(argv, capsys)
    assert code == 2 and one_line_error(err).startswith(start), err
    assert not re.search(r"\b(argument|invalid|expected|must|got)\b", err), err


# --- the consultant's review (#19 follow-up) ---------------------------------------------------
def test_an_aht_in_decimal_minutes_is_refused(capsys):
    code, out, err = run(["staff", "--calls", "100", "--aht", "4,7"], capsys)
    assert code == 2 and "lijkt minuten; schrijf 4:42 of 4,7 min" in err


def test_a_total_row_and_a_missing_day_in_a_file(tmp_path, capsys):
    path = tmp_path / "week.csv"
    path.write_bytes(b"tijd;gesprekken;aht\n08:00;10;300\n08:15;20;300\nTotaal;30;300\n")
    code, out, err = run(["staff", "--csv", str(path)], capsys)
    assert code == 1 and "(regel 4, kolom 'tijd')" in err and "totaalregel" in err
    path.write_bytes(b"datum;tijd;gesprekken;aht\n23-11-2026;08:00;10;300\n25-11-2026;08:00;10;300\n")
    code, out, err = run(["staff", "--csv", str(path)], capsys)
    assert code == 0 and "let op: week.csv heeft geen regels op 24 nov 2026" in err


def test_the_written_file_has_dutch_headers_percentages_and_whole_people(tmp_path, capsys):
    """Was: English columns, fractions and fractional people (25,71) with all shrinkage."""
    src = write(tmp_path / "nl.csv", "tijd;gesprekken;aht\n08:00;100;180\n")
    code, out, err = run(["staff", "--csv", str(src), "--interval", "1800", "--shrinkage", "30%",
                          "--absence", "15%"], capsys)
    assert code == 0 and err == ""
    header, row = out.splitlines()
    assert header == ("tijd;gesprekken;aht;verkeer (Erlang);medewerkers;service level (%);ASA (s);occupancy (%);"
                      "in te roosteren")
    assert row.split(";")[3:] == ["10,0", "14", "88,835", "7,835937", "71,4286", "17"]
    code, _, err = run(["staff", "--csv", str(src), "--absence", "15%"], capsys)
    assert code == 2 and "--absence vraagt ook --shrinkage" in err


def test_help_says_occupancy_not_bezetting(capsys):
    assert "bezetting" not in build_help()


def build_help() -> str:
    return cli.build_parser()._subparsers._group_actions[0].choices["staff"].format_help().lower()


# ---------------------------------------------------------------------------
# chat: agents who handle several chats at once (wfmcourse.domain.chat)
# ---------------------------------------------------------------------------
CHAT = ["chat", "--chats", "120", "--aht", "600", "--max-chats", "3", "--slowdown", "0.25"]


def test_chat_one_interval_agrees_with_the_chat_engine(capsys):
    """120 chats per quarter at AHT 600 s = 80 Erlang; the numbers are domain.chat's, called directly."""
    code, out, err = run(CHAT, capsys)
    assert code == 0 and err == ""
    kw = dict(max_chats=3, slowdown=0.25)
    n = chat.agents_needed(80.0, 600, 60, 0.8, **kw)
    assert field(out, "Medewerkers nodig") == str(n)
    assert chat.service_level(n, 80.0, 600, 60, **kw) >= 0.8 > chat.service_level(n - 1, 80.0, 600, 60, **kw)
    assert field(out, "Service level") == f"{dutch.percent(chat.service_level(n, 80.0, 600, 60, **kw))} binnen 60 s"
    assert field(out, "ASA") == f"{dutch.number(chat.asa(n, 80.0, 600, **kw))} s"
    assert field(out, "Bezet met chat").startswith(dutch.percent(chat.occupancy(n, 80.0, 600, **kw)))
    assert field(out, "Chats tegelijk").startswith(dutch.number(chat.mean_concurrency(n, 80.0, 600, **kw), 2))
    assert "80,00 Erlang" in field(out, "Aanbod") and field(out, "Doel") == "80 % binnen 60 s"
    assert "900 s per chat bij 3 tegelijk" in field(out, "Afhandeltijd")
    assert "Afhaakpercentage" not in out
    starts = {line.index(":") + len(re.match(r":\s*", line[line.index(":"):]).group())
              for line in out.strip().splitlines() if not line.startswith(" ")}
    assert len(starts) == 1


def test_chat_shows_the_rule_of_thumb_and_how_far_off_it_is(capsys):
    code, out, _ = run(CHAT, capsys)
    n = chat.agents_needed(80.0, 600, 60, 0.8, max_chats=3, slowdown=0.25)
    rule = chat.rule_of_thumb_agents(80.0, 600, 60, 0.8, max_chats=3)
    phone = erlang.agents_needed(80.0, 600, 60, 0.8)
    assert rule == -(-phone // 3) < n
    sl = chat.service_level(rule, 80.0, 600, 60, max_chats=3, slowdown=0.25)
    assert field(out, "Vuistregel") == (f"Erlang C {phone} / 3 = {rule} medewerkers: service level "
                                        f"{dutch.percent(sl)} binnen 60 s")
    assert f"de vuistregel plant {n - rule} medewerkers te weinig" in out
    assert "3 chats tegelijk even snel gaan als één" in out
    # without slowdown the chat model is Erlang C on agents * max_chats slots: the rule is right here
    code, out, _ = run(CHAT[:-2], capsys)
    assert code == 0 and "de vuistregel komt hier op hetzelfde aantal uit" in out
    assert "even lang bij 3 tegelijk" in field(out, "Afhandeltijd")


def test_chat_with_one_chat_at_a_time_is_the_phone_answer(capsys):
    """max_chats=1: the chat command gives the staff command's Erlang C answer, number for number."""
    code, out, _ = run(["chat", "--chats", "120", "--aht", "600", "--max-chats", "1", "--sl", "80/60"], capsys)
    assert code == 0
    code, phone, _ = run(["staff", "--calls", "120", "--aht", "600", "--sl", "80/60"], capsys)
    assert code == 0
    for label in ("Medewerkers nodig", "Service level", "ASA"):
        assert field(out, label) == field(phone, label)
    assert field(out, "Bezet met chat").startswith(field(phone, "Occupancy"))
    assert field(phone, "Medewerkers nodig") == str(erlang.agents_needed(80.0, 600, 60, 0.8)) == "87"
    assert field(out, "Chats tegelijk").startswith("1,00")
    # with patience: Erlang A
    code, out, _ = run(["chat", "--chats", "120", "--aht", "600", "--max-chats", "1", "--patience", "300"], capsys)
    code, phone, _ = run(["staff", "--calls", "120", "--aht", "600", "--sl", "80/60", "--patience", "300"], capsys)
    for label in ("Medewerkers nodig", "Service level", "ASA", "Afhaakpercentage"):
        assert field(out, label) == field(phone, label)


def test_chat_summary_is_pure_and_matches_the_engine():
    s = cli.chat_summary(120, 600, max_chats=3, slowdown=0.25, patience=300, max_abandonment=0.05)
    kw = dict(max_chats=3, slowdown=0.25, patience=300)
    assert s["agents"] == chat.agents_needed(80.0, 600, 60, 0.8, max_abandonment=0.05, **kw)
    assert s["abandonment"] == pytest.approx(chat.abandonment(s["agents"], 80.0, 600, 300, max_chats=3,
                                                              slowdown=0.25)) and s["abandonment"] <= 0.05
    assert s["p_wait"] == pytest.approx(chat.p_wait(s["agents"], 80.0, 600, **kw))
    assert s["phone_agents"] == erlang.agents_needed(80.0, 600, 60, 0.8, patience=300)
    assert s["rule_of_thumb_agents"] == chat.rule_of_thumb_agents(80.0, 600, 60, 0.8, max_chats=3, patience=300)
    assert s["handling_time_full"] == 900.0 and s["model"] == "chat met afhakers"
    text = cli.format_chat_summary(s)
    assert "afhaakpercentage hoogstens 5 %" in text and "Erlang A" in text


def test_chat_given_agents_are_evaluated(capsys):
    n = chat.agents_needed(80.0, 600, 60, 0.8, max_chats=3, slowdown=0.25)
    code, out, _ = run(CHAT + ["--agents", str(n - 1)], capsys)
    assert code == 0 and field(out, "Medewerkers (gegeven)") == str(n - 1)
    assert field(out, "Doel gehaald") == f"nee (nodig: {n} medewerkers)"
    code, out, _ = run(CHAT + ["--agents", "20"], capsys)         # 20 * 2 chats of capacity < 80 Erlang
    assert field(out, "ASA") == "oneindig" and "groeit dan zonder eind" in out


def test_chat_without_chats_needs_nobody(capsys):
    code, out, _ = run(["chat", "--chats", "0", "--aht", "600", "--max-chats", "3"], capsys)
    assert code == 0 and field(out, "Medewerkers nodig") == "0"
    assert field(out, "Service level").startswith("100,0 %")


def test_chat_csv_staffs_the_chats_column(tmp_path, capsys):
    path = tmp_path / "dag.csv"
    path.write_text("tijd;gesprekken;chats;afhandeltijd\n08:00;10;12;300\n08:15;20;30,5;300\n09:00;0;0;\n",
                    encoding="utf-8")
    out_path = tmp_path / "chat.csv"
    code, out, err = run(["chat", "--csv", str(path), "--aht", "600", "--max-chats", "3", "--slowdown", "25%",
                          "--patience", "300", "--out", str(out_path)], capsys)
    assert code == 0 and err == "" and "Geschreven" in out and "3 intervallen" in out
    written = pd.read_csv(out_path, sep=";", decimal=",")
    assert list(written.columns) == ["tijd", "chats", "verkeer (Erlang)", "medewerkers", "service level (%)",
                                     "ASA (s)", "occupancy (%)", "gem. chats tegelijk",
                                     "afhaakpercentage (%)", "vuistregel (Erlang C / chats)"]
    load = np.array([12, 30.5, 0]) * 600 / 900
    kw = dict(max_chats=3, slowdown=0.25, patience=300)
    agents = chat.agents_needed(load, 600, 60, 0.8, **kw)
    assert written["medewerkers"].tolist() == agents.tolist()
    assert written["service level (%)"].to_numpy() == pytest.approx(
        100 * chat.service_level(agents, load, 600, 60, **kw), abs=1e-4)
    assert written["vuistregel (Erlang C / chats)"].tolist() == chat.rule_of_thumb_agents(
        load, 600, 60, 0.8, max_chats=3, patience=300).tolist()
    # one interval at a time gives the same count
    for row, chats in enumerate((12, 30.5, 0)):
        assert cli.chat_summary(chats, 600, **kw)["agents"] == written["medewerkers"][row]


def test_chat_csv_without_a_chats_column_is_one_dutch_error(tmp_path, capsys):
    path = tmp_path / "telefoon.csv"
    path.write_text("tijd,gesprekken\n08:00,10\n", encoding="utf-8")
    code, _, err = run(["chat", "--csv", str(path), "--aht", "600", "--max-chats", "3"], capsys)
    assert code == 1
    assert one_line_error(err) == ("fout: Het bestand telefoon.csv klopt niet (regel 1, kolom 'chats'): deze kolom "
                                   "ontbreekt in de kopregel. Chat plannen vraagt een kolom 'chats' (of 'aantal "
                                   "chats') met de chats per interval.")


@pytest.mark.parametrize("extra, words", [
    (["--chats", "-5"], "--chats: Het aantal chats moet 0 of meer zijn. Ingevuld: -5."),
    (["--max-chats", "0"], "--max-chats: Het aantal chats tegelijk per medewerker moet een geheel getal van 1"),
    (["--slowdown", "25"], "--slowdown: De vertraging per extra chat is een deel van de AHT"),
    (["--slowdown", "1,5"], "Ingevuld: 1,5."),
    (["--patience", "0"], "--patience: Het klantgeduld moet groter dan 0 seconden zijn."),
    (["--agents", "-1"], "--agents: Het aantal medewerkers moet een geheel getal van 0 of meer zijn."),
    (["--sl", "80/-1"], "optie --sl"),
])
def test_chat_bad_values_are_one_dutch_line(capsys, extra, words):
    argv = ["chat", "--chats", "120", "--aht", "600", "--max-chats", "3"]
    for option, value in zip(extra[::2], extra[1::2]):
        if option in argv:
            argv[argv.index(option) + 1] = value
        else:
            argv += [option, value]
    code, out, err = run(argv, capsys)
    assert code in (1, 2) and out == ""
    assert words in one_line_error(err)


@pytest.mark.parametrize("argv, start", [
    (["chat", "--chats", "120", "--aht", "600"], "fout: deze argumenten zijn verplicht: --max-chats"),
    (["chat", "--chats", "120", "--max-chats", "3"], "fout: deze argumenten zijn verplicht: --aht"),
    (["chat", "--aht", "600", "--max-chats", "3"], "fout: geef --chats (één interval) of --csv"),
    (["chat", "--chats", "1", "--aht", "600", "--max-chats", "2.5"], "fout: optie --max-chats: geen geheel getal"),
    (CHAT + ["--max-abandonment", "0.05"], "fout: --max-abandonment vraagt ook --patience"),
    (CHAT + ["--out", "x.csv"], "fout: --out hoort bij --csv"),
    (CHAT + ["--sl", "80/60", "--awt", "20"], "fout: gebruik --sl of --target/--awt, niet allebei"),
])
def test_chat_usage_errors_exit_2(capsys, argv, start):
    code, out, err = run(argv, capsys)
    assert code == 2 and out == ""
    assert one_line_error(err).startswith(start)


def test_chat_help_is_dutch(capsys):
    code, out, _ = run(["chat", "--help"], capsys)
    assert code == 0 and out.startswith("gebruik: python -m wfmcourse chat")
    assert "--max-chats" in out and "--slowdown" in out and "vuistregel" in out


def test_python_m_wfmcourse_apps_cli_chat():
    done = subprocess.run([sys.executable, "-m", "wfmcourse.apps.cli", *CHAT], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0 and done.stderr == "" and "Medewerkers nodig:" in done.stdout
