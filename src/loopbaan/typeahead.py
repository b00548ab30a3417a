"""Typeahead that keeps order: each key acts on what the screen showed after the keys before it.

Textual hands a key to the focused widget's own queue and takes the next key at
once, so a quick `a title Enter +` can reach the app before the title was added:
the `+` then rates whatever was highlighted a moment earlier, or lands in a field
that is still closing. `KeyGate` takes one typed key (or paste) at a time and holds
the rest in order until everything the key set going has been handled: its trip
through the widgets, the handlers and callbacks it queued, a dialog it opened.

Settled means every message pump of the app and the current screen has worked
through what it was sent, round after round, until a round finds every queue
empty. Work in threads is not waited for: a worker that finishes late changes
what is shown, never which item a key was typed at (the lists keep their cursor
on its item).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Iterable

from textual import events
from textual.message_pump import MessagePump

MAX_ROUNDS = 64  # a chain of messages longer than this is a loop, not a key's work
ROUND_TIMEOUT = 1.0  # seconds: a pump that does not answer (it is closing) lets the keys go


def is_typed(event: events.Event) -> bool:
    """A key or paste straight from the terminal (not one on its way through the widgets)."""
    return isinstance(event, events.Key | events.Paste) and not event.is_forwarded


class KeyGate:
    """Lets one typed event through at a time; the app calls `admit` for each."""

    def __init__(
        self,
        pumps: Callable[[], Iterable[MessagePump]],
        post: Callable[[events.Event], object],
    ) -> None:
        self._pumps = pumps  # what must be idle for a key to have settled
        self._post = post  # hands a held event back to the app's queue
        self._held: deque[events.Event] = deque()
        self._busy = False
        self._released: events.Event | None = None
        self._task: asyncio.Task[None] | None = None
        self._idle = asyncio.Event()
        self._idle.set()

    def admit(self, event: events.Event) -> events.Event | None:
        """What the app handles now for a typed `event`; None while it waits its turn."""
        if event is self._released:
            self._released = None
            return event
        if self._busy:
            self._held.append(event)
            return None
        self._busy = True
        self._idle.clear()
        return event

    def handled(self) -> None:
        """The app dealt with the event it admitted: wait for it to settle, then the next."""
        self._task = asyncio.create_task(self._release_when_settled())

    def close(self) -> None:
        if self._task is not None:
            self._task.cancel()

    async def _release_when_settled(self) -> None:
        await self.settled()
        if self._held:
            self._released = self._held.popleft()
            self._post(self._released)
        else:
            self._busy = False
            self._idle.set()

    async def settled(self) -> None:
        """Return once every pump has handled what it was sent, and sent nothing more."""
        for _round in range(MAX_ROUNDS):
            pumps = list(self._pumps())
            if not await _barrier(pumps):
                return  # better a key on its way than keys held for good
            if all(pump.message_queue_size == 0 for pump in pumps):
                return

    async def wait(self) -> None:
        """Return once every key typed so far has been handled and has settled.

        Keys posted but not yet taken by the app count too: the app's queue is
        worked through first.
        """
        while True:
            await _barrier(self._pumps())
            if not self._busy:
                return
            await self._idle.wait()


async def _barrier(pumps: Iterable[MessagePump]) -> bool:
    """Each pump works through the messages it holds now; False if one did not in time."""
    done: list[asyncio.Event] = []
    for pump in pumps:
        reached = asyncio.Event()
        if pump.call_later(reached.set):
            done.append(reached)
    if done:
        waits = [asyncio.ensure_future(reached.wait()) for reached in done]
        _finished, pending = await asyncio.wait(waits, timeout=ROUND_TIMEOUT)
        for wait in pending:
            wait.cancel()
        return not pending
    return True
