#!/usr/bin/env python3
"""Writes the NCCI test fixtures in this folder.

The files follow the layouts CMS ships (PTP: tab-delimited text, Windows-1252, CRLF, a free-text preamble, a
header row and header continuation rows; MUE: CSV whose first cell is a quoted multi-line notice, a header whose
first name breaks over two lines, MAI cells such as "3 Date of Service Edit: Clinical"). The edits and limits are
INVENTED to exercise the rules; they are not CMS's values. Run from this folder: python3 make_fixtures.py
"""

TAB = "\t"


def write(name, lines):
    with open(name, "wb") as f:
        f.write("\r\n".join(lines).encode("cp1252") + b"\r\n")


PREAMBLE = [
    "SYNTHETIC TEST FIXTURE for PayerAtlas: laid out like a CMS NCCI procedure-to-procedure edit file; every edit below is invented for tests.",
    "CPT\u00ae codes belong to their owner. This fixture holds codes only - no descriptors - and its wording is our own.",
]


def ptp(rows):
    return [TAB.join(r) for r in rows]


# Practitioner part 1 of 2: column 1 codes below 70000. A two-line header, like CMS's.
write("ccipra-v321r0-f1.txt", PREAMBLE + [
    "Column1/Column 2 Edits",
    TAB.join(["Column 1", "Column 2", "*=in existence prior to 1996", "Effective Date", "Deletion Date", "Modifier", "PTP Edit Rationale"]),
    TAB.join(["", "", "", "", "*=no data", "0=not allowed 1=allowed 9=not applicable", ""]),
] + ptp([
    ["10040", "11042", "", "20090101", "*", "1", "Misuse of column two code with column one code"],
    ["19030", "36000", "", "20020101", "*", "1", "Standards of medical / surgical practice"],
    ["19030", "96372", "", "20020101", "*", "1", "Standards of medical / surgical practice"],
    # Deleted at the end of 2015: applies to services through 2015-12-31 only.
    ["19030", "76098", "", "20050101", "20151231", "0", "Mutually exclusive procedures"],
    # Deleted on its effective date (indicator 9): never applied.
    ["19030", "77002", "", "20200101", "20200101", "9", "CPT Manual or CMS manual coding instructions"],
    # One pair, two periods: modifier not allowed until 2018, allowed since 2019.
    ["19083", "19081", "", "20140101", "20181231", "0", "Mutually exclusive procedures"],
    ["19083", "19081", "", "20190101", "*", "1", "Mutually exclusive procedures"],
    ["19125", "19120", "", "20070101", "*", "1", "More extensive procedure"],
    ["27447", "20610", "*", "19960101", "*", "1", "Standards of medical / surgical practice"],
    ["29881", "20610", "", "20120101", "*", "1", "Standards of medical / surgical practice"],
    ["45380", "45378", "", "20160101", "*", "1", "HCPCS/CPT procedure code definition"],
]))

# Practitioner part 2 of 2: column 1 codes from 70000. A one-line header with the codes spelled out in it.
write("ccipra-v321r0-f2.txt", PREAMBLE + [
    TAB.join(["Column 1", "Column 2", "*=in existence prior to 1996", "Effective Date", "Deletion Date *=no data",
              "Modifier 0=not allowed 1=allowed 9=not applicable", "PTP Edit Rationale"]),
] + ptp([
    ["73721", "20610", "", "20110101", "*", "1", "Misuse of column two code with column one code"],
    ["77053", "36000", "", "20070101", "*", "1", "Standards of medical / surgical practice"],
    ["77054", "36000", "", "20070101", "*", "1", "Standards of medical / surgical practice"],
    ["77054", "77053", "", "20070101", "*", "0", "Mutually exclusive procedures"],
    ["77066", "77065", "", "20170101", "*", "0", "Misuse of column two code with column one code"],
    ["93000", "93005", "*", "19960101", "*", "0", "HCPCS/CPT procedure code definition"],
    ["93000", "93010", "*", "19960101", "*", "0", "HCPCS/CPT procedure code definition"],
    ["99213", "36591", "", "20130101", "*", "1", "Standards of medical / surgical practice"],
]))

# Outpatient hospital: the same layout, a four-line header, a different set of edits.
write("ccioph-v321r0-f1.txt", PREAMBLE + [
    "Column1/Column 2 Edits",
    TAB.join(["Column 1", "Column 2", "*=in existence prior to 1996", "Effective Date", "Deletion Date", "Modifier", "PTP Edit Rationale"]),
    TAB.join(["", "", "", "", "*=no data", "0=not allowed", ""]),
    TAB.join(["", "", "", "", "", "1=allowed", ""]),
    TAB.join(["", "", "", "", "", "9=not applicable", ""]),
] + ptp([
    ["19030", "36000", "", "20020101", "*", "1", "Standards of medical / surgical practice"],
    ["77054", "77053", "", "20070101", "*", "0", "Mutually exclusive procedures"],
    ["96372", "36000", "", "20100101", "*", "1", "Standards of medical / surgical practice"],
]))

MUE_NOTICE = ('"SYNTHETIC TEST FIXTURE for PayerAtlas: laid out like a CMS MUE table; every value below is invented for tests.\r\n'
              'CPT\u00ae codes belong to their owner; this notice, with its ""quotes"", commas, and line breaks, is our own wording.",,,')


def mue(name, setting, rows):
    header = '"HCPCS/\r\nCPT Code","' + setting + ' Services MUE Values","MUE Adjudication Indicator","MUE Rationale"'
    write(name, [MUE_NOTICE, header] + [f'{c},{v},"{mai}","{why}"' for c, v, mai, why in rows])


LINE, POLICY, CLINICAL = "1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical"

mue("MCR_MUE_PractitionerServices_Eff_04-01-2026.csv", "Practitioner", [
    ("19030", 2, CLINICAL, "Anatomic Consideration"),
    ("20610", 2, LINE, "Anatomic Consideration"),
    ("27447", 1, POLICY, "Anatomic Consideration"),
    ("36000", 4, LINE, "Clinical: Data"),
    ("73721", 3, LINE, "Clinical: Data"),
    ("77053", 2, CLINICAL, "Clinical: Data"),
    ("77054", 2, CLINICAL, "Clinical: Data"),
    ("93000", 3, CLINICAL, "Clinical: Data"),
    ("96372", 4, CLINICAL, "Clinical: Data"),
    ("97010", 0, POLICY, "CMS Policy"),
    ("99213", 1, POLICY, "Code Descriptor / CPT Instruction"),
])

mue("MCR_MUE_OutpatientHospitalServices_Eff_04-01-2026.csv", "Outpatient Hospital", [
    ("19030", 2, CLINICAL, "Anatomic Consideration"),
    ("27447", 0, POLICY, "CMS Policy"),
    ("77053", 2, CLINICAL, "Clinical: Data"),
    ("77054", 2, CLINICAL, "Clinical: Data"),
])

mue("MCR_MUE_DMESupplierServices_Eff_04-01-2026.csv", "DME Supplier", [
    ("A4206", 100, CLINICAL, "Clinical: Data"),
    ("E0114", 1, LINE, "Nature of Equipment"),
])
