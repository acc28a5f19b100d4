import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
TEST_DATA = ROOT / "tests" / "data"


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def data_dir():
    return DATA


@pytest.fixture
def test_data_dir():
    return TEST_DATA
