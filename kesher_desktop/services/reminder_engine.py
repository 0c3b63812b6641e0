"""Fires reminders on time from a background thread, and sends the mail they queue.

APScheduler 3's BackgroundScheduler runs three jobs:
- "next-reminder", a one-off job at the instant the earliest waiting reminder falls due,
  moved whenever an activity changes (`rearm`);
- "heartbeat", every few seconds: it notices that the wall clock jumped (the machine slept)
  and catches up at once, and now and then re-reads the store for changes made elsewhere;
- "mail", a one-off job at the instant the outbox next has something to send.

Jobs name their function by text and the engine by id, never a lambda or a widget, so they
hold nothing that belongs to the UI. What fired reaches the UI only through `on_fired`,
called on the scheduler's thread; the Qt side turns it into a queued signal.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler

from kesher_desktop.clock import Clock
from kesher_desktop.services.reminders import ClaimHook, FiredReminder, ReminderService

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 2.0
# A heartbeat this much later than planned means the machine slept or the clock was set.
CLOCK_JUMP = timedelta(seconds=5)
# Changes made by another program on the same database are picked up this often.
RESCAN_EVERY = timedelta(minutes=1)
# After a failed claim the engine waits this long instead of trying again at once.
RETRY_AFTER = timedelta(seconds=30)

NEXT_REMINDER_JOB = "next-reminder"
HEARTBEAT_JOB = "heartbeat"
MAIL_JOB = "mail"

# The engines running in this process, by id, for the jobs to find them.
_ENGINES: dict[int, ReminderEngine] = {}
_ids = itertools.count(1)


def run_due(engine_id: int) -> None:
    """Job: deliver what is due now."""
    engine = _ENGINES.get(engine_id)
    if engine is not None:
        engine.run_due()


def heartbeat(engine_id: int) -> None:
    """Job: catch up after sleep, and pick up changes made by other programs."""
    engine = _ENGINES.get(engine_id)
    if engine is not None:
        engine.beat()


def send_mail(engine_id: int) -> None:
    """Job: send the mail that is due."""
    engine = _ENGINES.get(engine_id)
    if engine is not None:
        engine.send_mail()


class ReminderEngine:
    """Delivers each reminder once, at its instant or as soon as the app runs after it.

    on_fired: receives the reminders just claimed, on the scheduler's thread.
    on_claim: runs inside each claim's transaction (the reminder mail is queued there).
    drain_mail: sends what the outbox holds and returns when to try again (or None).
    on_mail_sent: told after each round of sending, so a panel can show failures.
    """

    def __init__(
        self,
        reminders: ReminderService,
        clock: Clock,
        on_fired: Callable[[list[FiredReminder]], None],
        on_claim: ClaimHook | None = None,
        drain_mail: Callable[[], datetime | None] | None = None,
        on_mail_sent: Callable[[], None] | None = None,
        heartbeat_seconds: float = HEARTBEAT_SECONDS,
    ) -> None:
        self._reminders = reminders
        self._clock = clock
        self._on_fired = on_fired
        self._on_claim = on_claim
        self._drain_mail = drain_mail
        self._on_mail_sent = on_mail_sent
        self._heartbeat_seconds = heartbeat_seconds
        self._id = next(_ids)
        self._claiming = threading.Lock()
        # Held around every change to the jobs. APScheduler 3 deadlocks when a job changes
        # jobs while the scheduler shuts down, so shutting down first closes this door.
        self._control = threading.Lock()
        self._stopping = False
        self._sending = threading.Lock()
        self._last_beat = clock.now()
        self._last_scan = clock.now()
        self._scheduler = BackgroundScheduler(
            daemon=True,
            # A save may ask for a run while one is still returning. APScheduler would skip
            # that run (and drop the one-off job) at one instance; run_due lets one claim at
            # a time by itself, so a few instances cost nothing.
            job_defaults={"coalesce": True, "max_instances": 4, "misfire_grace_time": None},
        )

    @property
    def running(self) -> bool:
        return self._scheduler.running

    def start(self) -> None:
        """Start the thread; what fell due while the app was closed is delivered at once."""
        _ENGINES[self._id] = self
        self._scheduler.start()
        self._scheduler.add_job(
            f"{__name__}:heartbeat",
            "interval",
            seconds=self._heartbeat_seconds,
            args=[self._id],
            id=HEARTBEAT_JOB,
        )
        self._schedule(NEXT_REMINDER_JOB, "run_due", self._clock.now())
        if self._drain_mail is not None:
            self._schedule(MAIL_JOB, "send_mail", self._clock.now())
        log.info("reminder engine started id=%s", self._id)

    def shutdown(self) -> None:
        """Stop the thread; a job that is running finishes first."""
        with self._control:
            self._stopping = True
        if self._scheduler.running:
            # Jobs go first, under the scheduler's own lock: a scheduler stopped in the middle
            # of its round would look for a finished one-off job among pending ones and raise.
            self._scheduler.remove_all_jobs()
            self._scheduler.shutdown(wait=True)
        _ENGINES.pop(self._id, None)
        log.info("reminder engine stopped id=%s", self._id)

    def rearm(self) -> None:
        """Move the next firing to the earliest waiting reminder; safe from any thread."""
        if self._stopping or not self._scheduler.running:
            return
        try:
            due = self._reminders.next_due()
        except Exception:  # noqa: BLE001 - a store error must not kill the caller's thread
            log.exception("could not read the next reminder")
            due = self._clock.now() + RETRY_AFTER
        if due is None:
            self._unschedule(NEXT_REMINDER_JOB)
            return
        self._schedule(NEXT_REMINDER_JOB, "run_due", due)

    def send_mail_now(self) -> None:
        """Ask for the outbox to be sent at once (after "retry now" or new settings)."""
        if self._drain_mail is not None and not self._stopping:
            self._schedule(MAIL_JOB, "send_mail", self._clock.now())

    # -- the jobs' work, on the scheduler's threads --------------------------------------

    def run_due(self) -> None:
        """Claim and deliver everything due, then arm for the next one."""
        # A heartbeat, the timed job and a save may all get here at once; one claiming at a
        # time is enough, since the rearm that ends every run reads the store afresh.
        if not self._claiming.acquire(blocking=False):
            return
        try:
            fired = self._reminders.claim_due(self._on_claim)
        except Exception:  # noqa: BLE001 - the thread must live on and try again later
            log.exception("claiming due reminders failed; retrying in %s", RETRY_AFTER)
            self._schedule(NEXT_REMINDER_JOB, "run_due", self._clock.now() + RETRY_AFTER)
            return
        finally:
            self._claiming.release()

        if fired:
            self._deliver(fired)
            self.send_mail_now()
        self.rearm()

    def beat(self) -> None:
        """Catch up at once when the clock jumped; re-read the store now and then."""
        now = self._clock.now()
        expected = self._last_beat + timedelta(seconds=self._heartbeat_seconds)
        jumped = now - expected > CLOCK_JUMP
        self._last_beat = now
        if jumped:
            log.info("clock jumped by %s (sleep or a new time); catching up", now - expected)
            self.run_due()
        elif now - self._last_scan >= RESCAN_EVERY:
            self._last_scan = now
            self.rearm()

    def send_mail(self) -> None:
        if self._drain_mail is None or not self._sending.acquire(blocking=False):
            return
        try:
            again = self._drain_mail()
        finally:
            self._sending.release()
        if self._on_mail_sent is not None:
            self._on_mail_sent()
        if again is not None:
            self._schedule(MAIL_JOB, "send_mail", again)

    # -- helpers -------------------------------------------------------------------------

    def _deliver(self, fired: list[FiredReminder]) -> None:
        try:
            self._on_fired(fired)
        except Exception:  # noqa: BLE001 - they are claimed; the panel still lists them
            log.exception("delivering %s reminders failed", len(fired))

    def _schedule(self, job_id: str, function: str, when: datetime) -> None:
        # APScheduler waits on the real clock; the engine's clock (a set one in tests) only
        # says how far ahead the instant is. Past instants run at once.
        delay = max(when - self._clock.now(), timedelta(0))
        with self._control:
            if self._stopping:
                return
            self._scheduler.add_job(
                f"{__name__}:{function}",
                "date",
                run_date=datetime.now(UTC) + delay,
                args=[self._id],
                id=job_id,
                replace_existing=True,
            )

    def _unschedule(self, job_id: str) -> None:
        with self._control:
            if self._stopping:
                return
            try:
                self._scheduler.remove_job(job_id)
            except JobLookupError:
                pass  # it has just run, and a one-off job removes itself
