"""Gathers split over two threads give exactly what one gather gives."""

import numpy as np
import pandas as pd
import pytest

from hudna.dataset import take_rows


@pytest.mark.parametrize("n_rows", [10, 60_000])  # below and above the size where the gather runs on two threads
def test_take_rows_equals_iloc_with_every_column_and_dtype_in_order(n_rows):
    rng = np.random.default_rng(7)
    frame = pd.DataFrame({
        "id": pd.Series([f"I-{i}" for i in range(n_rows)], dtype="str"),
        "date": pd.date_range("2023-10-17", periods=n_rows, freq="h"),
        "killed": pd.array([None if i % 5 == 0 else i % 3 for i in range(n_rows)], dtype="Int64"),
        "lat": rng.normal(33, 1, n_rows),
        "summary_ar": pd.Series(["هجوم" if i % 2 else None for i in range(n_rows)], dtype="str"),
    })
    rows = np.sort(rng.choice(n_rows, n_rows // 3, replace=False))
    taken = take_rows(frame, rows)
    pd.testing.assert_frame_equal(taken, frame.iloc[rows])
    assert list(taken.columns) == list(frame.columns)
