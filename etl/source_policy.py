"""Sources earn their confidence (data/README.md, 'Sources and confidence'), as far as a rule can tell from a
reference: a site on datapackage.json's notSources list is refused wherever it is cited, and a `confirmed` row must
cite a UN document symbol, a URL on an official domain, or two reputable press domains. Whether two reports are
independent, or a page says what the row says, stays the curator's judgment."""
from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

from etl.issues import Issue, Row

SEPARATOR = " ; "
URL = re.compile(r"https?://[^\s;)]+")
# UN document symbols by series (A/, E/, S/, ST/, press releases GA/, SG/, ORG/, UNODC/) and depositary
# notifications (C.N.196.2025.TREATIES-XVIII.16); a name or label that is neither a symbol nor a URL confirms nothing.
UN_SYMBOL = re.compile(r"(?:A|E|S|ST|GA|SG|SC|ORG|UNODC)/\S+|C\.N\.\d+\.\d{4}\.TREATIES-\S+")
GOVERNMENT_LABELS = {"gov", "gob", "gouv", "govt"}  # mfa.gov.tr, exteriores.gob.es, ...


@dataclass(frozen=True)
class Policy:
    not_sources: dict[str, str]  # domain -> why it is not a source
    official: tuple[str, ...]
    reputable_press: tuple[str, ...]

    @classmethod
    def from_package(cls, package: dict) -> Policy | None:
        spec = package.get("sourcePolicy")
        if not spec:
            return None
        never = {domain: why for why, domains in spec.get("notSources", {}).items() for domain in domains}
        return cls(never, tuple(spec.get("official", ())), tuple(spec.get("reputablePress", ())))


def _host(url: str) -> str:
    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def listed(url: str, entries) -> str | None:
    """The entry covering the URL: a domain covers its subdomains; 'github.com/UNxml' covers that path only."""
    host, path = _host(url), urllib.parse.urlsplit(url).path
    for entry in entries:
        domain, _, prefix = entry.partition("/")
        if (host == domain or host.endswith("." + domain)) and (
                not prefix or path == f"/{prefix}" or path.startswith(f"/{prefix}/")):
            return entry
    return None


def is_official(policy: Policy, ref: str) -> bool:
    if UN_SYMBOL.fullmatch(ref):
        return True
    urls = URL.findall(ref)
    return any(listed(u, policy.official) or GOVERNMENT_LABELS & set(_host(u).split(".")) for u in urls)


def earns_confirmed(policy: Policy, refs: list[str]) -> bool:
    if any(is_official(policy, ref) for ref in refs):
        return True
    press = {listed(u, policy.reputable_press) for ref in refs for u in URL.findall(ref)} - {None}
    return len(press) >= 2


def check(policy: Policy | None, data: dict[str, list[Row]], displays: dict[str, str], issues: list[Issue]) -> None:
    if policy is None:
        return
    for name, rows in data.items():
        for row in rows:
            source = row.values.get("source")
            if not isinstance(source, str):
                continue
            refs = [ref.strip() for ref in source.split(SEPARATOR)]
            for url in (u for ref in refs for u in URL.findall(ref)):
                if (entry := listed(url, policy.not_sources)) and not listed(url, policy.official):
                    issues.append(Issue(displays[name], row.line, "source", url, "not-a-source",
                                        f"{entry} is not a source ({policy.not_sources[entry]}); cite the UN "
                                        "document, the official page or the report it copies"))
            if row.values.get("confidence") == "confirmed" and not earns_confirmed(policy, refs):
                issues.append(Issue(displays[name], row.line, "confidence", "confirmed", "confirmed-source",
                                    "a confirmed row cites a UN document symbol, an official page or two reputable "
                                    "press reports (datapackage.json sourcePolicy); cite one or mark it "
                                    "single-source"))
