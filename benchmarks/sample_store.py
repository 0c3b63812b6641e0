"""Builds a large store of invented contacts and activities for the benchmarks.

Rows go in through SQLAlchemy Core in big batches; the search index is filled from the same
folding code the app uses, so searches behave exactly as in the app.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from kesher_desktop.db.search_text import contact_document
from kesher_desktop.db.sort_rank import fresh_ranks
from kesher_desktop.db.store import Store, open_sqlite
from kesher_desktop.models import Activity, Contact, ContactEmail, ContactPhone, User
from kesher_desktop.text import fold

GIVEN = [
    "דנה",
    "יוסי",
    "נועה",
    "אבי",
    "שרה",
    "משה",
    "רונית",
    "עומר",
    "תמר",
    "איתי",
    "Dana",
    "Yossi",
    "Noa",
    "Avi",
    "Sarah",
    "Moshe",
    "Ronit",
    "Omer",
    "Tamar",
    "Itai",
    "מיכל",
    "גיל",
]
FAMILY = [
    "לוי",
    "כהן",
    "מזרחי",
    "פרץ",
    "ביטון",
    "אברהם",
    "פרידמן",
    "דהן",
    "Levi",
    "Cohen",
    "Mizrahi",
    "Peretz",
    "Biton",
    "Friedman",
    "Dahan",
    "שפירא",
    "אזולאי",
    "גבאי",
]
ORGS = ["", "", "עמותת גשר", "Acme Ltd", "בית הספר אורט", "Tech Solutions", "מכבי", "Globex"]
KINDS = ["meeting", "call", "task"]
BIG_CONTACT_ACTIVITIES = 200


def build(path: Path, contacts: int, activities: int, seed: int = 7) -> Store:
    """Create the file at `path` unless one with these counts is already there."""
    if path.exists():
        store = open_sqlite(path)
        with store.engine.connect() as connection:
            have = connection.execute(text("SELECT count(*) FROM contacts")).scalar()
            have_acts = connection.execute(text("SELECT count(*) FROM activities")).scalar()
        if (have, have_acts) == (contacts, activities):
            return store
        store.close()
        path.unlink()
        for extra in path.parent.glob(path.name + "-*"):
            extra.unlink()

    store = open_sqlite(path)
    random.seed(seed)
    now = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    with store.engine.begin() as connection:
        connection.execute(
            insert(User), [{"name": "me", "email": "", "is_me": True, "active": True}]
        )
        _contacts(store, connection, contacts, now)
        _activities(connection, contacts, activities, now)
    return store


def _contacts(store: Store, connection: object, count: int, now: datetime) -> None:
    people = []
    for contact_id in range(1, count + 1):
        given, family = random.choice(GIVEN), random.choice(FAMILY)
        org = random.choice(ORGS)
        number = f"05{random.randint(0, 9)}-{random.randint(1000000, 9999999)}"
        address = f"{fold(given)}.{contact_id}@example.com".replace(" ", "")
        people.append((fold(f"{given} {family}"), contact_id, given, family, org, number, address))
    people.sort()
    ranks = fresh_ranks(count)

    for start in range(0, count, 5000):
        chunk = list(zip(people[start : start + 5000], ranks[start : start + 5000], strict=True))
        connection.execute(
            insert(Contact),
            [
                {
                    "id": p[1],
                    "given_name": p[2],
                    "family_name": p[3],
                    "organisation": p[4],
                    "role": "",
                    "address": "",
                    "notes": "",
                    "sort_key": p[0],
                    "search_rank": rank,
                    "created_at": now,
                    "updated_at": now,
                }
                for p, rank in chunk
            ],
        )
        connection.execute(
            insert(ContactPhone),
            [
                {"contact_id": p[1], "kind": "mobile", "number": p[5], "e164": "", "position": 0}
                for p, _ in chunk
            ],
        )
        connection.execute(
            insert(ContactEmail),
            [
                {
                    "contact_id": p[1],
                    "kind": "work",
                    "address": p[6],
                    "folded": p[6],
                    "position": 0,
                }
                for p, _ in chunk
            ],
        )
        connection.execute(
            text("INSERT INTO contact_search (rowid, body) VALUES (:rank, :body)"),
            [
                {"rank": rank, "body": contact_document((p[2], p[3]), (p[6],), (p[5],), p[4], ())}
                for p, rank in chunk
            ],
        )


def _activities(connection: object, contacts: int, count: int, now: datetime) -> None:
    batch: list[dict[str, object]] = []
    for number in range(count):
        # Contact 1 gets exactly the "big contact" load the open-contact figure is about.
        if number < BIG_CONTACT_ACTIVITIES:
            contact_id = 1
        else:
            contact_id = random.randint(2, contacts)
        kind = random.choice(KINDS)
        start = now + timedelta(hours=random.randint(-2000, 2000))
        batch.append(
            {
                "contact_id": contact_id,
                "kind": kind,
                "title": f"פעילות {number}",
                "starts_at": start,
                "ends_at": start + timedelta(hours=1) if kind == "meeting" else None,
                "due_date": start.date() if kind == "task" else None,
                "duration_minutes": None,
                "location": "",
                "topics": "",
                "send_invitation": False,
                "add_to_calendar": False,
                "done_at": start if random.random() < 0.4 else None,
                "cancelled_at": None,
                "deleted_at": None,
                "email_from": "",
                "email_to": "",
                "email_cc": "",
                "message_id": "",
                "created_at": now,
                "updated_at": now,
            }
        )
        if len(batch) == 20000 or number == count - 1:
            connection.execute(insert(Activity), batch)
            batch = []
