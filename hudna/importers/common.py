"""What the ACLED and UCDP importers share: rejections with row numbers, provenance notes, sites, and the result; no streamlit here."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.json as pajson

from hudna.dataset import Dataset
from hudna.exporting import neutralize
from hudna.loading import dataset_from_frames
from hudna.schema import TABLES

# summary_ar must be Arabic text; imported files have none and nothing is machine-translated. This sentence says
# "There is no Arabic summary in the imported file."
NO_ARABIC_SUMMARY = "لا يوجد ملخص عربي في الملف المستورد."
NO_ARABIC_PLACE = "لا اسم عربي في الملف المستورد"  # "no Arabic name in the imported file"
PROVENANCE = "Imported from {label}: "  # then a JSON object of the record's fields Hudna has no column for
ID_PATTERN = r"^[A-Za-z0-9_\-]+$"
STRIKING_SIDES = {"us_coalition", "israel"}  # kinetic events by these sides are Hudna `strike`s; all others `attack`s
CHUNK_ROWS = 1 << 17


def provenance_cells(frame: pd.DataFrame, columns: list[str], label: str) -> pd.Series:
    """'Imported from ACLED: {"sub_event_type": "…", …}' per row, with only the non-empty fields (Arrow kernels, no Python loop).

    Built in slices of rows, so the intermediate strings of a million rows never sit in memory at once.
    """
    arrays = [(c, _arrow_text(frame[c])) for c in columns if c in frame]
    chunks = [_provenance_chunk([(c, a.slice(i, CHUNK_ROWS)) for c, a in arrays], min(CHUNK_ROWS, len(frame) - i), label)
              for i in range(0, len(frame), CHUNK_ROWS)]
    cells = pa.chunked_array(chunks, type=pa.large_string())
    return pd.Series(cells.to_pandas(types_mapper=pd.ArrowDtype).array, index=frame.index).astype("str")


def _arrow_text(values: pd.Series) -> pa.ChunkedArray:
    """The column's Arrow strings (no copy when pandas already holds them in Arrow)."""
    array = getattr(values.array, "_pa_array", None)
    if array is None or not pa.types.is_large_string(array.type):
        array = pa.chunked_array([pa.array(values.astype("str"), type=pa.large_string())])
    return array


def _provenance_chunk(members: list, length: int, label: str) -> pa.Array:
    # Every member ends with ", " and is "" when empty, so one join with no separator builds the object, and
    # binary_join_element_wise's null skipping (which drops rows whose values are all null in pyarrow 26) is not needed.
    empty = pa.scalar("", pa.large_string())
    parts = [_json_member(name, values) for name, values in members] or [pa.array([""] * length, pa.large_string())]
    body = pc.binary_join_element_wise(*parts, empty)
    cells = pc.binary_join_element_wise(pa.scalar(PROVENANCE.format(label=label) + "{", pa.large_string()),
                                        pc.utf8_rtrim(body, characters=", "), pa.scalar("}", pa.large_string()), empty)
    return cells.combine_chunks() if isinstance(cells, pa.ChunkedArray) else cells


def _json_member(name: str, text) -> pa.Array:
    """'"name": "value", ' with the value JSON-escaped; '' where the cell is empty."""
    if pc.any(pc.match_substring_regex(text, r'[\\"\x00-\x1f]')).as_py():
        for old, new in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
            text = pc.replace_substring(text, old, new)
        text = pc.replace_substring_regex(text, r"[\x00-\x1f]", " ")
    member = pc.binary_join_element_wise(pa.scalar(f'"{name}": "', pa.large_string()), text, pa.scalar('", ', pa.large_string()),
                                         pa.scalar("", pa.large_string()))
    return pc.fill_null(member, "")


def provenance_frame(notes: pd.Series, label: str, fields: list[str]) -> pd.DataFrame:
    """The `fields` provenance_cells stored for `label` (e.g. ACLED): one text column each, NA where a row has none.

    Arrow's JSON reader parses a million rows in about a second; if a curator has edited a note so that it no longer
    parses, the rows are read one by one and that row gives no fields.
    """
    prefix = PROVENANCE.format(label=label)
    text = _arrow_text(notes)
    mine = pc.fill_null(pc.starts_with(text, prefix), False)
    if len(notes) == 0 or not pc.any(mine).as_py():
        return pd.DataFrame({f: pd.Series(index=notes.index, dtype="str") for f in fields})
    body = pc.if_else(mine, pc.utf8_slice_codeunits(text, len(prefix), 1 << 30), pa.scalar("{}", pa.large_string()))
    body = body.combine_chunks() if isinstance(body, pa.ChunkedArray) else body
    lines = pa.LargeListArray.from_arrays(pa.array([0, len(body)], pa.int64()), body)
    data = pc.binary_join(lines, pa.scalar("\n", pa.large_string()))[0].as_buffer()
    # Every field is read as text: left to itself the reader would turn '2024-03-13' into a timestamp.
    schema = pa.schema([pa.field(f, pa.large_string()) for f in fields])
    try:
        table = pajson.read_json(pa.BufferReader(data), parse_options=pajson.ParseOptions(
            explicit_schema=schema, unexpected_field_behavior="ignore"))
        if table.num_rows != len(notes):
            raise ValueError("rows lost")
        found = table.to_pandas(types_mapper=pd.ArrowDtype)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError):
        found = pd.DataFrame.from_records([_parsed(t) for t in body.to_pylist()])
    return found.reindex(columns=fields).astype("str").set_axis(notes.index)


def _parsed(text: str) -> dict:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return {k: str(v) for k, v in value.items()} if isinstance(value, dict) else {}


class Rejections:
    """Why rows are refused, several reasons per row; every refused row ends up in the report with its row number."""

    def __init__(self, n: int):
        self.n = n
        self._reasons: dict[int, list[str]] = {}

    def add(self, mask, message: str, *values: pd.Series) -> None:
        """Refuse the rows in `mask`; each `{}` in `message` is filled with that row's cell from `values`, quoted.

        Texts are built for the refused rows only: a million rows with three refusals cost three strings.
        """
        positions = np.flatnonzero(np.asarray(pd.Series(mask).fillna(False), dtype=bool))
        cells = [quoted(v.iloc[positions]).tolist() for v in values]
        for i, position in enumerate(positions.tolist()):
            text = message.format(*(c[i] for c in cells)) if values else message
            self._reasons.setdefault(position, []).append(text)

    def rejected(self) -> np.ndarray:
        mask = np.zeros(self.n, dtype=bool)
        mask[list(self._reasons)] = True
        return mask

    def frame(self, rows: np.ndarray, ids: pd.Series, unreadable: list) -> pd.DataFrame:
        """row, record_id, reason: the parser's unreadable rows (row, first cell, reason) and every refused row."""
        positions = np.fromiter(self._reasons, dtype=np.int64, count=len(self._reasons))
        refused = pd.DataFrame({"row": rows[positions], "record_id": ids.iloc[positions].astype(object).to_numpy(),
                                "reason": ["; ".join(r) for r in self._reasons.values()]})
        frame = pd.concat([refused, pd.DataFrame(list(unreadable), columns=["row", "record_id", "reason"])], ignore_index=True)
        frame["record_id"] = frame["record_id"].astype(object).where(frame["record_id"].notna(), None)
        return frame.astype({"row": "int64"}).sort_values("row", kind="stable").reset_index(drop=True)


def kept_rows(frame: pd.DataFrame, *aligned: pd.Series, rejections: "Rejections") -> tuple:
    """The rows (and aligned series) not rejected, renumbered from 0. `frame` is emptied column by column as the kept
    rows are copied, so a million rows are never held twice; nothing is copied when no row was rejected."""
    keep = ~rejections.rejected()
    if keep.all():
        return (frame, *aligned)
    kept = pd.DataFrame(index=pd.RangeIndex(int(keep.sum())))
    for column in list(frame.columns):
        kept[column] = frame.pop(column)[keep].reset_index(drop=True)
    return (kept, *(x[keep].reset_index(drop=True) for x in aligned))


def quoted(values: pd.Series) -> pd.Series:
    """Cell values as they appear in a reason: 'abc', or (empty)."""
    return ("'" + values.astype("str").str.slice(0, 60) + "'").fillna("(empty)")


def is_number_between(text: pd.Series, lo: float, hi: float) -> pd.Series:
    return pd.to_numeric(text, errors="coerce").between(lo, hi)


COORDINATES_REASON = "bad coordinates: latitude {}, longitude {} (expected -90…90 and -180…180, both or neither)"


def bad_coordinates(lat: pd.Series, lon: pd.Series) -> pd.Series:
    """Not a number in range, or only one of the pair given."""
    out_of_range = (lat.notna() & ~is_number_between(lat, -90, 90)) | (lon.notna() & ~is_number_between(lon, -180, 180))
    return out_of_range | (lat.isna() != lon.isna())


def is_count(text: pd.Series) -> pd.Series:
    return text.astype("str").str.fullmatch(r"\d{1,9}").fillna(False).astype(bool)


def build_sites(places: pd.DataFrame, extra: pd.DataFrame, label: str, prefix: str) -> tuple[pd.Series, pd.DataFrame]:
    """One site per distinct place; returns each row's site_id and the sites.

    `places` holds name_en, country, lat, lon, coord_precision and coord_source (text, NA when empty); `extra` the
    record's other place fields (admin areas, precision codes), kept in the site's notes. Every column of both is
    part of what makes a place distinct. A row with no name and no coordinates has no site.
    """
    both = pd.concat([places, extra], axis=1)
    codes, uniques = pd.factorize(_joined(both))
    site_ids = np.array([f"{prefix}_" + hashlib.sha1(k.encode()).hexdigest()[:12] for k in uniques], dtype=object)
    _, first = np.unique(codes, return_index=True)
    sites = places.iloc[first].reset_index(drop=True)
    sites["notes"] = provenance_cells(extra.iloc[first].reset_index(drop=True), list(extra.columns), label)
    has_place = (sites["name_en"].notna() | sites["lat"].notna()).to_numpy()
    sites.insert(0, "site_id", site_ids)
    sites["name_en"] = sites["name_en"].fillna(sites["country"].fillna("Unnamed place") + " (" + sites["lat"].fillna("") + ", "
                                                + sites["lon"].fillna("") + ")")
    sites["name_ar"] = sites["name_en"] + f" ({NO_ARABIC_PLACE})"
    sites["kind"] = np.where(sites["coord_precision"].isin(["site", "city"]), "city", "area")
    row_sites = pd.Series(np.where(has_place[codes], site_ids[codes], None), index=places.index, dtype=object)
    return row_sites, sites[has_place][list(TABLES["sites"].columns)].reset_index(drop=True)


def _joined(places: pd.DataFrame) -> pd.Series:
    columns = [pa.array(places[c].fillna("").astype("str"), type=pa.large_string()) for c in places.columns]
    joined = pc.binary_join_element_wise(*columns, pa.scalar("\x1f", pa.large_string()))
    return pd.Series(joined.to_pandas(types_mapper=pd.ArrowDtype).array, index=places.index).astype("str")


@dataclass(frozen=True)
class ImportResult:
    """Six Hudna tables (text cells) from one file, the rejected rows, and the factions the importer had to create."""

    layout: str  # "ACLED" or "UCDP GED"
    frames: dict
    rejected: pd.DataFrame  # row (as a spreadsheet numbers it, header = 1), record_id, reason
    new_factions: pd.DataFrame  # faction_id, name, rows, side, side_basis
    rows_read: int
    notes: tuple = field(default=())

    @property
    def imported(self) -> int:
        return len(self.frames["incidents"])

    def to_dataset(self, version: str) -> Dataset:
        """The same schema and cross-table checks as a dataset folder gets."""
        return dataset_from_frames(self.frames, version)

    def rejected_csv(self) -> bytes:
        """The rejected rows as CSV (UTF-8 with BOM, formula-safe) for the reader to download."""
        frame = self.rejected.copy()
        for column in ("record_id", "reason"):
            frame[column] = frame[column].map(neutralize)
        return ("\ufeff" + frame.to_csv(index=False)).encode("utf-8")

    def summary(self) -> str:
        return (f"{self.layout}: {self.rows_read:,} row(s) read, {self.imported:,} imported, {len(self.rejected):,} rejected; "
                f"{len(self.frames['sites']):,} site(s); {len(self.new_factions):,} new actor(s) not in the mapping file.")

    def write(self, folder: Path | str, version: str) -> list[Path]:
        """A dataset folder (six CSVs and VERSION) plus rejected.csv and new_factions.csv beside them."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, schema in TABLES.items():
            written.append(_write_csv(self.frames[name].reindex(columns=list(schema.columns)), folder / f"{name}.csv"))
        (folder / "VERSION").write_text(version + "\n", encoding="utf-8")
        written.append(_write_csv(self.rejected, folder / "rejected.csv"))
        written.append(_write_csv(self.new_factions, folder / "new_factions.csv"))
        return written + [folder / "VERSION"]


def _write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """RFC 4180 CSV (text quoted), empty for missing values; Arrow's writer takes seconds for a million rows."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.cast(pa.schema([pa.field(f.name, pa.large_string()) for f in table.schema]))
    pacsv.write_csv(table, str(path), pacsv.WriteOptions(quoting_style="needed"))
    return path


def empty_table(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in TABLES[name].columns})
