"""Validate's checks of a counted row: does its task fit, and is its URL believable?

* a task must be led by the row's unit (or its district) and count the row's channel;
* a URL must be http(s) and, where the unit's domains are known, on one of them
  (or on the provincial press's, for press channels; anywhere, for social platforms);
* with `require_url`, a row on an online channel needs a URL.

Verdicts depend on (task, unit, channel) and (host, unit, channel), not on the row,
so each is worked out once and kept in a plain dict.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..catalog import Catalog
from ..i18n import OneOf, msg
from ..text import shown_url
from .problems import Fail, ProblemLog, show

HOSTS_CAP = 4096  # sites whose URL verdicts are kept (real logs have a few dozen)
# Coverage of a unit's work by the provincial newspaper or broadcaster is fine
# evidence for it on these channels.
PRESS_CHANNELS = frozenset({"newspaper", "tv", "fm-radio"})
PRESS_UNITS = ("bao-long-an", "dai-ptth-long-an")
# Posts on Facebook, Zalo … live on the platform's domain, never on the unit's.
PLATFORM_CHANNELS = frozenset({"social", "zalo"})
_ODD_HOST = re.compile(r"[\[\]@\\ %]")  # hosts urlsplit must judge (IPv6, user info, …)
_AUTHORITY_END = re.compile(r"[/?#]")


def split_url(url: str) -> tuple[str, str]:
    """(scheme, host) of a URL, lower-cased; ("", "") when it cannot be parsed.

    Plain http(s) addresses, nearly every row, are split by `plain_host` with string
    methods; anything unusual (IPv6, user info, backslashes, spaces) goes to urlsplit.
    """
    host = plain_host(url)
    if host is not None:
        return ("https" if url[4] in "sS" else "http"), host
    try:
        parts = urlsplit(url)
        return parts.scheme.lower(), (parts.hostname or "").rstrip(".")
    except ValueError:
        return "", ""


def plain_host(url: str) -> str | None:
    """The host of a plain http(s) URL, lower-cased, without port or trailing dot; else None."""
    head = url[:8].lower()
    if head.startswith("https://"):
        rest = url[8:]
    elif head.startswith("http://"):
        rest = url[7:]
    else:
        return None
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if not host or not host.isprintable() or _ODD_HOST.search(host):
        return None
    return host.partition(":")[0].lower().rstrip(".") or None


class EvidenceChecks:
    """The memoised task and URL verdicts of one reader."""

    def __init__(self, catalog: Catalog, problems: ProblemLog, require_url: bool) -> None:
        self.catalog = catalog
        self.problems = problems
        self.require_url = require_url
        # Keys are plan ids (tasks × units, tasks × channels): bounded by the plan.
        self._leads: dict[tuple[str, str], Fail | None] = {}
        self._channels: dict[tuple[str, str], Fail | None] = {}
        self._kinds: dict[tuple[str, str, str], Fail | None] = {}
        self._tasks: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._sites: dict[tuple[str, str, str, str], tuple[Fail, ...]] = {}
        self._domains: dict[tuple[str, str], tuple[str, ...] | None] = {}
        add_link = msg("reader.hint.add_link")
        self._missing_url = {
            c.id: Fail("missing-url", "error", msg("reader.missing_url", channel=c.id), "url",
                       add_link)
            for c in catalog.plan.channels if c.online}

    def check(self, file: str, line: int, unit: str, channel: str, task: str | None,
              url: str, kind: str | None = None) -> None:
        """Add the problems of a counted row's task and URL."""
        if task is not None:
            for fail in (*self._task_fit(task, unit, channel), self._kind_fit(task, channel, kind)):
                if fail is not None:
                    self.problems.add_fail(fail, file, line, unit)
        if url:
            for fail in self._url(url, unit, channel):
                self.problems.add_fail(fail, file, line, unit)
        elif self.require_url and channel in self._missing_url:
            self.problems.add_fail(self._missing_url[channel], file, line, unit)

    def _task_fit(self, task: str, unit: str, channel: str) -> tuple[Fail | None, Fail | None]:
        """task-mismatch warnings (or None): the task's lead is not the unit; not its channel."""
        lead_key, channel_key = (task, unit), (task, channel)
        if lead_key not in self._leads or channel_key not in self._channels:
            leads, wanted = self._task_scope(task)
            parent = self.catalog.units.by_id[unit].parent
            self._leads[lead_key] = None
            if leads and unit not in leads and parent not in leads:
                self._leads[lead_key] = Fail(
                    "task-mismatch", "warning",
                    msg("reader.task_lead", task=task,
                        leads=", ".join(self.catalog.tasks[task].lead), unit=unit), "task")
            self._channels[channel_key] = None
            if wanted and channel not in wanted:
                self._channels[channel_key] = Fail(
                    "task-mismatch", "warning",
                    msg("reader.task_channel", task=task, channels=", ".join(sorted(wanted)),
                        channel=channel), "task")
        return self._leads[lead_key], self._channels[channel_key]

    def _kind_fit(self, task: str, channel: str, kind: str | None) -> Fail | None:
        """A task-mismatch warning when the task's rules on this channel count other kinds
        (a 'tọa đàm' tagged 2.3, whose rule counts bulletins and stories): the row would
        count for nothing, and should say so."""
        if kind is None:
            return None
        key = (task, channel, kind)
        if key not in self._kinds:
            rules = [r for r in self.catalog.plan.rules if r.task == task and channel in r.channels]
            counted = {k for r in rules for k in r.kinds}
            fits = not rules or any(not r.kinds for r in rules) or kind in counted
            self._kinds[key] = None if fits else Fail(
                "task-mismatch", "warning",
                msg("reader.task_kind", task=task, kinds=OneOf(tuple(sorted(
                    self._kind_name(k) for k in counted))), kind=self._kind_name(kind)), "kind")
        return self._kinds[key]

    def _kind_name(self, kind: str) -> str:
        return self.catalog.kinds.by_id[kind].name

    def _task_scope(self, task: str) -> tuple[frozenset[str], frozenset[str]]:
        """The units that lead a task and the channels its rules count (once per task)."""
        scope = self._tasks.get(task)
        if scope is None:
            row = self.catalog.tasks.get(task)
            leads = frozenset(self.catalog.expand(row.lead)) if row is not None else frozenset()
            wanted = frozenset(c for rule in self.catalog.plan.rules if rule.task == task
                               for c in rule.channels)
            scope = self._tasks[task] = (leads, wanted)
        return scope

    def _url(self, url: str, unit: str, channel: str) -> tuple[Fail, ...]:
        """bad-url, credentials-in-url and foreign-domain warnings for the row's URL.

        The verdict depends on the address up to its path (scheme and authority), the
        unit and the channel, so most rows are judged by one dict lookup, unparsed.
        """
        scheme, _, rest = url.partition("://")
        key = (scheme, _AUTHORITY_END.split(rest, 1)[0], unit, channel)
        if key in self._sites:
            return self._sites[key]
        verdict, by_site = self._url_verdict(url, key[1], unit, channel)
        if by_site and len(self._sites) < HOSTS_CAP:  # addresses are the user's text
            self._sites[key] = verdict
        return verdict

    def _url_verdict(self, url: str, authority: str, unit: str, channel: str
                     ) -> tuple[tuple[Fail, ...], bool]:
        """The URL's warnings, and whether they hold for every URL of the same site."""
        scheme, host = split_url(url)
        if scheme not in ("http", "https") or not host:
            return (Fail("bad-url", "warning", msg("reader.bad_url", url=show(url)), "url",
                         msg("reader.hint.full_url")),), False
        foreign = self._host_verdict(host, unit, channel)
        site = (foreign,) if foreign is not None else ()
        if "@" not in authority:
            return site, True
        # Quoted without them: the message goes to CI logs.
        return (Fail("credentials-in-url", "warning",
                     msg("reader.credentials_in_url", url=show(shown_url(url))), "url",
                     msg("reader.hint.remove_credentials")), *site), False

    def _host_verdict(self, host: str, unit: str, channel: str) -> Fail | None:
        key = (unit, channel)
        if key not in self._domains:
            self._domains[key] = self._known_domains(unit, channel)
        domains = self._domains[key]
        if domains is None or any(host == d or host.endswith("." + d) for d in domains):
            return None
        return Fail("foreign-domain", "warning",
                    msg("reader.foreign_domain", host=show(host), unit=unit), "url",
                    msg("reader.hint.known_domains", domains=", ".join(domains)))

    def _known_domains(self, unit: str, channel: str) -> tuple[str, ...] | None:
        """Domains a URL of this unit on this channel may be on; None: cannot tell."""
        if channel in PLATFORM_CHANNELS:
            return None
        by_id = self.catalog.units.by_id
        item = by_id[unit]
        domains = list(item.domains)
        if item.parent and item.parent in by_id:
            domains += by_id[item.parent].domains  # a commune may publish on its district's site
        if not domains:
            return None
        if channel in PRESS_CHANNELS:
            domains += [d for press in PRESS_UNITS if press in by_id
                        for d in by_id[press].domains]
        return tuple(dict.fromkeys(d.lower() for d in domains))

