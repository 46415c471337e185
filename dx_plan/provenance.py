"""What judged a run: the plan (its id, number, date and the SHA-256 of its files), the
dxplan version and the as-of date, so a report printed in March can be traced to exactly
what produced it."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PlanSource:
    """The plan files a catalogue was built from: each name with the SHA-256 of its bytes,
    and one digest over them all (the plan file first, then its includes in order)."""

    files: tuple[tuple[str, str], ...] = ()

    @property
    def sha256(self) -> str:
        """One digest of every file's digest, in order."""
        whole = hashlib.sha256()
        for name, digest in self.files:
            whole.update(f"{name}\0{digest}\n".encode())
        return whole.hexdigest()


@dataclass(frozen=True, slots=True)
class Provenance:
    """Everything an output names about what produced it."""

    plan_id: str
    plan_number: str
    plan_issued: str
    source: PlanSource
    version: str  # dxplan's
    as_of: dt.date | None = None
    waivers: tuple[str, ...] = field(default=())

    @property
    def short(self) -> str:
        """The first 12 hex digits of the plan's digest, as people quote it."""
        return self.source.sha256[:12]

    def to_dict(self) -> dict[str, object]:
        """The JSON `provenance` block."""
        return {
            "plan": {"id": self.plan_id, "number": self.plan_number, "issued": self.plan_issued,
                     "sha256": self.source.sha256,
                     "files": dict(self.source.files)},
            "dxplan": self.version,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "waivers": list(self.waivers),
        }


def provenance_block(provenance: Provenance | None) -> dict[str, object]:
    """The JSON `provenance` block of a document, when the run knows it (else nothing)."""
    return {"provenance": provenance.to_dict()} if provenance is not None else {}
