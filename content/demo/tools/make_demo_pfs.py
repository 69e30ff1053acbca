#!/usr/bin/env python3
"""Builds the demo pack's fee-schedule and place-of-service subsets from the public CMS files.

Usage: python3 content/demo/tools/make_demo_pfs.py [SHARED_DATA]

SHARED_DATA defaults to $PAYERATLAS_SHARED_DATA, else ../shared/data beside the repository.
Rows are copied byte for byte (figures, trailing spaces, CRLF line ends) from the CMS files; only the
DESCRIPTION column of the relative value file is replaced, by the plain-words descriptions below, and
the footnotes and POS descriptions are our own wording. Standard library only.
"""

import csv
import io
import os
import sys
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent
REPO = DEMO.parent.parent

# Our own short descriptions (at most 50 characters, no commas or quotes), one per demo code.
DESCRIPTIONS = {
    "11042": "Removal of dead tissue to fat layer; first area",
    "19030": "Dye injection into breast duct for duct X-ray",
    "19081": "Stereotactic breast needle biopsy; first lesion",
    "19083": "Ultrasound-guided breast needle biopsy; 1st lesion",
    "20610": "Needle into large joint or bursa; no ultrasound",
    "27447": "Full knee joint replacement",
    "29881": "Knee scope with partial meniscus removal",
    "45378": "Colon exam with scope; diagnostic only",
    "71046": "Chest radiographs; two projections",
    "73721": "MRI of a leg joint without contrast",
    "74177": "CT abdomen and pelvis after IV contrast",
    "76641": "Breast ultrasound; full survey of one breast",
    "76642": "Breast ultrasound; focused area of one breast",
    "77046": "Breast MRI without contrast; one breast",
    "77047": "Breast MRI without contrast; both breasts",
    "77048": "Breast MRI before and after contrast; one side",
    "77049": "Breast MRI before and after contrast; both sides",
    "77053": "Ductogram supervision and reading; single duct",
    "77054": "Ductogram supervision and reading; several ducts",
    "77065": "Diagnostic mammogram; one breast",
    "77066": "Diagnostic mammogram; both breasts",
    "77067": "Screening mammogram of both breasts",
    "93000": "12-lead ECG: tracing plus interpretation",
    "96372": "Injection of a drug under skin or into muscle",
    "99213": "Office visit; known patient; low complexity",
    "99214": "Office visit; known patient; moderate complexity",
}

# Localities of these states (two-letter code -> name as the locality/county file spells it).
STATES = {
    "AL": "ALABAMA", "AK": "ALASKA", "CA": "CALIFORNIA", "FL": "FLORIDA", "GA": "GEORGIA", "IL": "ILLINOIS",
    "MA": "MASSACHUSETTS", "NY": "NEW YORK", "PA": "PENNSYLVANIA", "TX": "TEXAS", "WA": "WASHINGTON",
    "WY": "WYOMING",
}

# Place-of-service codes: the name comes from the CMS code set, the sentence is ours.
POS = {
    "02": "The patient is reached by telecommunication while somewhere other than home, such as a clinic or workplace.",
    "10": "The patient is reached by telecommunication while at home.",
    "11": "A practitioner's office where patients are seen and treated without admission.",
    "12": "The patient's own private residence, where the practitioner comes to them.",
    "19": "A provider-based hospital outpatient department located away from the main hospital campus.",
    "20": "A walk-in site, separate from an emergency department, for unscheduled care of urgent problems.",
    "21": "A hospital setting for patients who have been formally admitted.",
    "22": "An outpatient department on the hospital's main campus serving patients who are not admitted.",
    "23": "The hospital's emergency department.",
    "24": "A freestanding surgery center where patients go home the same day.",
    "31": "A facility giving skilled nursing or rehabilitation to patients who no longer need hospital care.",
    "32": "A long-term care facility providing nursing and health-related care to its residents.",
    "49": "An outpatient-only clinic that is not part of a hospital and fits no other category.",
    "81": "A certified laboratory that performs tests independently of a hospital or practitioner's office.",
    "99": "Any setting that no other place-of-service code describes.",
}


def lines(path):
    """The file's lines with their line ends, decoded byte for byte (Latin-1)."""
    return path.read_bytes().decode("latin-1").splitlines(keepends=True)


def eol(line):
    return "\r\n" if line.endswith("\r\n") else "\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    print(f"wrote {path.relative_to(REPO)}")


def rvu(source):
    src = lines(source / "pfs" / "rvu25d" / "PPRRVU2025_Oct.csv")
    nl = eol(src[0])
    assert src[0].startswith(",,2025 National Physician Fee Schedule Relative Value File October Release"), src[0]
    assert src[9].startswith("HCPCS,MOD,DESCRIPTION"), src[9]
    blanks = "," * 28
    note = ",,PayerAtlas demo subset: figures exactly as published by CMS; DESCRIPTION rewritten in plain words" \
        + " (CPT codes are copyright American Medical Association)"
    out = [src[0], note + blanks + nl, *src[5:10]]
    seen = set()
    for line in src[10:]:
        fields = line.rstrip("\r\n").split(",")
        if fields[0] not in DESCRIPTIONS:
            continue
        assert len(fields) == 31 and '"' not in line, f"unexpected quoting in {line!r}"
        description = DESCRIPTIONS[fields[0]]
        assert len(description) <= 50 and "," not in description and '"' not in description, description
        fields[2] = description
        out.append(",".join(fields) + eol(line))
        seen.add(fields[0])
    missing = sorted(set(DESCRIPTIONS) - seen)
    if missing:
        sys.exit(f"not in the relative value file: {', '.join(missing)}")
    write(DEMO / "pfs" / "PPRRVU2025_Oct_demo.csv", "".join(out))
    return len(out) - 7


def gpci(source):
    src = lines(source / "pfs" / "rvu25d" / "GPCI2025.csv")
    nl = eol(src[0])
    assert "GEOGRAPHIC PRACTICE COST INDICES" in src[0] and "Locality Number" in src[2], src[:3]
    out = src[:3]
    rows = 0
    for line in src[3:]:
        fields = line.split(",")
        if fields[0].isdigit() and fields[1] in STATES:
            out.append(line)
            rows += 1
        elif line.startswith('"MAC Assignments'):
            out.append(line)
    out += [
        ",,,,,," + nl,
        "*Alaska: the work GPCI is held at a floor of 1.5 under MIPPA.,,,,,," + nl,
        "**Frontier states: the PE GPCI is held at a floor of 1.0 under the Affordable Care Act.,,,,,," + nl,
        "PayerAtlas demo subset: the localities of twelve states; figures exactly as published by CMS.,,,,,," + nl,
    ]
    write(DEMO / "pfs" / "GPCI2025_demo.csv", "".join(out))
    return rows


def locco(source):
    src = lines(source / "pfs" / "rvu25d" / "25LOCCO.csv")
    nl = eol(src[0])
    assert src[0].startswith("COUNTIES INCLUDED IN") and src[2].startswith("Medicare Adminstrative Contractor"), src[:3]
    names = set(STATES.values())
    out = src[:4]
    state, keep, rows = "", False, 0
    for line in src[4:]:
        fields = next(csv.reader(io.StringIO(line)))
        if not fields[0].strip().isdigit():
            if not any(f.strip() for f in fields):
                if keep:
                    out.append(line)  # the blank row that closes a kept state's block, as shipped
                continue
            break  # footnotes
        state = fields[2].strip() or state
        keep = state in names
        if keep:
            out.append(line)
            rows += 1
    out += [
        "*  Two contractors serve this payment locality.,,,," + nl,
        "PayerAtlas demo subset: the localities of twelve states; rows exactly as published by CMS.,,,," + nl,
    ]
    write(DEMO / "pfs" / "25LOCCO_demo.csv", "".join(out))
    return rows


def pos(source):
    with open(source / "pos" / "pos_codes_cms_v20240502.csv", encoding="utf-8", newline="") as f:
        names = {row["pos_code"]: row["name"] for row in csv.DictReader(f)}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["pos_code", "name", "description"])
    for code, description in POS.items():
        writer.writerow([code, names[code], description])
    write(DEMO / "pos" / "pos_demo.csv", buffer.getvalue())
    return len(POS)


def main():
    default = os.environ.get("PAYERATLAS_SHARED_DATA") or REPO.parent / "shared" / "data"
    source = Path(sys.argv[1] if len(sys.argv) > 1 else default).resolve()
    counts = {"rvu rows": rvu(source), "gpci localities": gpci(source), "county rows": locco(source), "pos": pos(source)}
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
