"""The importer's quick E.164 path gives exactly what services.phones.to_e164 gives."""

from __future__ import annotations

import random

from kesher_desktop.services.importing.phone_keys import e164_of
from kesher_desktop.services.phones import to_e164


def _written_forms(national: str) -> list[str]:
    return [
        "0" + national,
        "+972" + national,
        "+972 " + national[:2] + "-" + national[2:],
        "0" + national[:2] + "-" + national[2:5] + " " + national[5:],
        "(0" + national[:2] + ") " + national[2:],
        "0" + national[:1] + "." + national[1:],
        "00972" + national,
        "+9720" + national,
        "972" + national,
        national,
    ]


def test_same_as_to_e164_for_every_leading_pair_and_length() -> None:
    rng = random.Random(7)
    differences = []
    for lead in range(100):
        for length in range(3, 15):
            national = (f"{lead:02d}" + "".join(rng.choices("0123456789", k=length)))[:length]
            for written in _written_forms(national):
                if e164_of(written) != to_e164(written):
                    differences.append((written, e164_of(written), to_e164(written)))

    assert differences == []


def test_common_israeli_numbers() -> None:
    assert e164_of("052-123-4567") == "+972521234567"
    assert e164_of("+972 3 555 0101") == "+97235550101"
    assert e164_of("call me") == ""
