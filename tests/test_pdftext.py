"""PDF text: generated layouts (two columns, a statement across a column break, hyphenation), broken files,
and real papers of the development set."""

from __future__ import annotations

from pathlib import Path

import pytest

from computelimits.extraction import candidates_from_pdf, extract_pdf
from computelimits.pdflayout import clean_text, find_gutter
from computelimits.pdftext import sentences

from .conftest import need_shared

FILLER = (
    "Deep networks have improved steadily over the last decade and many benchmarks now report results that "
    "were thought impossible a few years ago. "
)


def _two_column_pdf(path: Path, left: str, right: str, table_rows: int = 0) -> Path:
    """Two columns of text, under a full-width table of `table_rows` rows (cells across the gap) when given."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for row in range(table_rows):  # numbers across the page, their gaps at a different place on every row
        numbers = [f"{88.5 - 3.7 * i - row:.1f}" for i in range(17)]
        pdf.cell(0, 5, "Model" + "-" * row + " " + "/".join(numbers[:5]) + " " + "/".join(numbers[5:]))
        pdf.ln(5)
    pdf.ln(3)
    width = (pdf.w - pdf.l_margin - pdf.r_margin - 10) / 2
    top = pdf.get_y()
    pdf.multi_cell(width, 5, left, new_x="LEFT", new_y="NEXT")
    pdf.set_xy(pdf.l_margin + width + 10, top)
    pdf.multi_cell(width, 5, right)
    pdf.set_auto_page_break(False)
    pdf.set_y(-15)
    pdf.cell(0, 10, "3", align="C")
    pdf.output(str(path))
    return path


def test_two_columns_are_not_interleaved(tmp_path, table, thompson):
    left = FILLER * 3 + "We trained our models on one machine with 8 NVIDIA P100 GPUs for 3.5 days. " + FILLER * 2
    right = FILLER * 4 + "Inference runs at 10 ms per image on a T4 GPU. " + FILLER
    result = extract_pdf(_two_column_pdf(tmp_path / "two.pdf", left, right), table, thompson)
    assert result.status == "ok", result.reason
    [(page, stmt)] = result.statements
    assert page == 1
    assert (stmt.hardware, stmt.count, stmt.hours) == ("P100", 8, 84)


def test_two_columns_under_a_full_width_table(tmp_path, table, thompson):
    """A wide table across the top crosses the column gap on many lines; the columns below are still read one by
    one."""
    left = FILLER * 6 + "We ran the pre-training for 0.5 million steps, which took about 20 days using 64 NVIDIA "
    left += "V100 GPUs."
    right = FILLER * 7
    result = extract_pdf(_two_column_pdf(tmp_path / "wide.pdf", left, right, table_rows=9), table, thompson)
    assert [(s.hardware, s.count, s.hours) for _, s in result.statements] == [("V100", 64, 480)]


def test_short_right_column_under_a_full_width_table(tmp_path, table, thompson):
    """The right column holds a few lines only (the rest of it a table or figure): still two columns."""
    left = FILLER * 9 + "For example, it takes 2.5 days to train the large model using one DGX-2 (16 V100s), "
    left += "2 days to train a small one using 4 V100s. " + FILLER
    result = extract_pdf(_two_column_pdf(tmp_path / "short.pdf", left, FILLER * 2, table_rows=9), table, thompson)
    assert [(s.count, s.hours) for _, s in result.statements] == [(16, 60), (4, 48)]


def test_statement_across_column_break(tmp_path, table, thompson):
    left = FILLER * 8 + "We trained our models on one machine with 8 NVIDIA P100"
    right = "GPUs for a total of 12 hours. " + FILLER * 3
    result = extract_pdf(_two_column_pdf(tmp_path / "break.pdf", left, right), table, thompson)
    assert [(s.hardware, s.count, s.hours) for _, s in result.statements] == [("P100", 8, 12)]


def test_hardware_in_previous_sentence_is_joined(tmp_path, table, thompson):
    left = FILLER * 2 + "We trained on 8 NVIDIA V100 GPUs. The base models were trained for 12 hours. " + FILLER
    result = extract_pdf(_two_column_pdf(tmp_path / "join.pdf", left, FILLER), table, thompson)
    [(_, stmt)] = result.statements
    assert (stmt.hardware, stmt.count, stmt.hours) == ("V100", 8, 12)


def test_hyphenation_ligatures_and_page_numbers():
    lines = ["We trained the net-", "work on two GPUs for ﬁve days.", "7", "Next sentence here."]
    text = clean_text(lines)
    assert "network" in text and "five days" in text and " 7 " not in text
    assert sentences("See Fig. 3 and Vaswani et al. for details. We trained for 3 days. Done.") == [
        "See Fig. 3 and Vaswani et al. for details.",
        "We trained for 3 days.",
        "Done.",
    ]


def test_broken_files_get_a_status(tmp_path):
    zero = tmp_path / "zero.pdf"
    zero.write_bytes(b"")
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    good = _two_column_pdf(tmp_path / "good.pdf", FILLER, FILLER)
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good.read_bytes()[:200])
    missing = tmp_path / "missing.pdf"
    for path in (zero, junk, truncated, missing):
        result, found = candidates_from_pdf(path)
        assert result.status == "unreadable", path
        assert result.reason and found == []
    result, found = candidates_from_pdf(good)
    assert result.status == "no statement" and result.pages == 1


def test_image_only_pdf_has_no_statement(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")
    path = tmp_path / "image.pdf"
    pdf.output(str(path))
    result, found = candidates_from_pdf(path)
    assert result.status == "no statement" and found == []


def test_real_paper_transformer(table, thompson):
    path = need_shared("papers_dev", "pdfs", "1706.03762v5.pdf")
    result = extract_pdf(path, table, thompson)
    assert result.status == "ok" and result.pages == 15
    found = {(page, s.hardware, s.count, s.hours) for page, s in result.statements}
    # section 5.2: the hardware sentence comes before the durations and is joined to them
    assert {(7, "P100", 8, 12), (7, "P100", 8, 84), (8, "P100", 8, 84)} <= found
    assert all(s.hours >= 12 for _, s in result.statements), "checkpoint intervals are not training time"


def test_real_paper_vgg_two_to_three_weeks(table, thompson):
    path = need_shared("papers_dev", "pdfs", "1409.1556v6.pdf")
    result = extract_pdf(path, table, thompson)
    [(_page, stmt)] = [(p, s) for p, s in result.statements if s.hardware == "GTX Titan Black"]
    assert stmt.count == 4 and (stmt.hours_low, stmt.hours_high) == (336, 504)


def test_footnotes_and_markers_are_kept_out(tmp_path, table, thompson):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, FILLER * 3)
    pdf.write(5, "We trained our models on 8 NVIDIA V100 GPUs")
    pdf.set_font("Helvetica", size=6)
    pdf.write(3, "2")  # footnote marker
    pdf.set_font("Helvetica", size=10)
    pdf.write(5, " for 12 days. " + FILLER)
    pdf.set_xy(pdf.l_margin, pdf.h - 30)
    pdf.set_font("Helvetica", size=7)
    pdf.multi_cell(0, 3, "2 Their previous system was trained on 64 K80 GPUs for 30 days, see the appendix.")
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(pdf.l_margin, pdf.h - 15)
    pdf.cell(0, 10, "4", align="C")
    path = tmp_path / "footnote.pdf"
    pdf.output(str(path))
    result = extract_pdf(path, table, thompson)
    assert [(s.hardware, s.count, s.hours) for _, s in result.statements] == [("V100", 8, 288)]
    assert "GPUs2" not in result.statements[0][1].sentence


def test_encrypted_pdf_is_unreadable_with_reason(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, "We trained on 8 V100 GPUs for 3 days. " + FILLER)
    path = tmp_path / "encrypted.pdf"
    pdf.output(str(path))
    result, found = candidates_from_pdf(path)
    assert result.status == "unreadable" and found == []
    assert "password" in result.reason.lower() or "encrypt" in result.reason.lower(), result.reason


def test_pdf_of_another_paper_is_a_mismatch(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, "arXiv:1512.03385v1 [cs.CV] 10 Dec 2015. We trained on 8 GPUs for 3 weeks. " + FILLER)
    path = tmp_path / "1706.03762.pdf"
    pdf.output(str(path))
    result, found = candidates_from_pdf(path, expected_id="1706.03762")
    assert result.status == "mismatch" and found == []
    assert "arXiv:1512.03385" in result.reason and "1706.03762" in result.reason
    result, found = candidates_from_pdf(path, expected_id="1512.03385v1")
    assert result.status == "ok" and found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We trained each model over 512 NVIDIA V100 GPUs. ESM2 700M took 8 days to train. The 3B parameter LM "
            "took 30 days. The 15B model took 60 days.",
            [(512, 192), (512, 720), (512, 1440)],
        ),
        ("We train the base model on 8 P100 GPUs for 12 hours. The big model took 3.5 days.", [(8, 12), (8, 84)]),
        # a duration after a training sentence is not always training
        ("We train on 8 V100 GPUs for 3 days. Data preprocessing took 2 days.", [(8, 72)]),
        ("We train on 8 V100 GPUs. Evaluation of the model took 2 hours.", []),
        ("We train on 8 V100 GPUs. The model took 3 ms per image.", []),
    ],
)
def test_sentence_continuing_the_training(text, expected, table, epoch):
    from computelimits.extraction import statements_from_text

    assert [(s.count, s.hours) for s in statements_from_text(text, table, epoch)] == expected


def _line(top: float, spans: list[tuple[float, float]]) -> list[dict]:
    return [{"x0": x0, "x1": x1, "top": top, "bottom": top + 8, "text": "word"} for x0, x1 in spans]


@pytest.mark.parametrize(("second_starts", "two_columns"), [(300.5, False), (306.0, True)])
def test_a_gutter_is_wider_than_aligned_word_spaces(second_starts, two_columns):
    """A short single-column page whose word spaces happen to align at one x (a 2.5 pt space on every line) has no
    gutter; the same lines with a 8 pt gap there are two columns."""
    words = [
        w
        for i in range(17)
        for w in _line(100 + 14 * i, [(72, 150), (152.5, 297.5), (second_starts, 420), (422.5, 523)])
    ]
    gutter = find_gutter(words, 595, 17)
    assert (gutter is not None) == two_columns
    if two_columns:
        assert 297 <= gutter <= 306
