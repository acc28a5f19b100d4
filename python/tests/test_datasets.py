import re

import numpy as np
import pandas as pd

import essnet
from conftest import DATA, read_rows


def readme_counts():
    counts = {}
    for line in (DATA / "chantier" / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^- (actors|ties|kind \w+|relation \w+|ties with a start year): (\d+)\s*$", line)
        if m:
            counts[m.group(1)] = int(m.group(2))
    return counts


def test_chantier_counts_match_its_readme():
    counts = readme_counts()
    net = essnet.datasets.chantier()
    assert net.num_actors == counts["actors"]
    assert net.num_ties == counts["ties"]
    actors, ties = net.actors, net.ties
    for key, n in counts.items():
        if key.startswith("kind "):
            assert (actors["kind"] == key[5:]).sum() == n, key
        if key.startswith("relation "):
            assert (ties["relation"] == key[9:]).sum() == n, key
    assert ties["start_year"].notna().sum() == counts["ties with a start year"]


def test_chantier_frames_equal_the_csv_files():
    net = essnet.datasets.chantier()
    actors = net.actors
    rows = read_rows(DATA / "chantier" / "actors.csv")
    assert list(actors["id"]) == [r["id"] for r in rows]
    assert list(actors["name"]) == [r["name"] for r in rows]
    assert list(actors["acronym"]) == [r["acronym"] for r in rows]
    assert [None if pd.isna(v) else int(v) for v in actors["founded"]] == [
        int(r["founded"]) if r["founded"] else None for r in rows
    ]
    ties = net.ties
    trows = read_rows(DATA / "chantier" / "ties.csv")
    assert list(ties["source"]) == [r["source"] for r in trows]
    assert list(ties["provenance"]) == [r["provenance"] for r in trows]
    assert list(ties["directed"]) == [r["directed"] == "true" for r in trows]
    assert list(ties["inferred"]) == [r["inferred"] for r in trows]


def test_chantier_dtypes():
    net = essnet.datasets.chantier()
    a, t = net.actors, net.ties
    assert isinstance(a["kind"].dtype, pd.CategoricalDtype)
    assert str(a["founded"].dtype) == "Int32"
    assert isinstance(t["relation"].dtype, pd.CategoricalDtype)
    assert t["weight"].dtype == np.float64
    assert t["directed"].dtype == bool
    assert str(t["start_year"].dtype) == "Int32"
    assert a.loc[a["id"] == "chantier", "founded"].item() == 1996


def test_chantier_events_keep_the_figures_the_document_gives():
    # The figures as the seed document states them (read by hand), each with its quotation.
    actors = essnet.datasets.chantier().actors.set_index("id")
    fiess = actors.loc["fiess_2011"]
    assert (fiess["participants"], fiess["countries_represented"]) == ("1600", "62")
    assert (fiess["experiences_presented"], fiess["field_visit_regions"]) == ("150", "10")
    for words in ("1 600 participants", "62 pays", "Plus de 150 expériences", "dix régions du Québec"):
        assert words in fiess["figures_source"]
    assert actors.loc["sommet_ess_2006", "observer_countries"] == "23"
    assert "23 pays" in actors.loc["sommet_ess_2006", "figures_source"]
    assert actors.loc["rencontre_2001", "countries_represented"] == "40"
    assert "près de quarante pays" in actors.loc["rencontre_2001", "figures_source"]
    others = actors.drop(index=["fiess_2011", "sommet_ess_2006", "rencontre_2001"])
    assert (others["figures_source"] == "").all()
