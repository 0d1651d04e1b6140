"""The pairwise agreement measures in words: each named by what it computes and credited to the source that defines
it that way. Pages show the definition next to the measure picker, figures name the measure in their subtitle, and
exported tables carry the definition (metrics.agreement computes them)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    label: str  # short: picker options and figure subtitles
    formula: str  # what counts how much, in one sentence
    credit: str  # who defines and publishes the measure this way

    @property
    def definition(self) -> str:
        return f"{self.label[:1].upper()}{self.label[1:]}: {self.formula} {self.credit}"


STATE_DEPARTMENT = "US Department of State, Voting Practices in the United Nations (annual report to Congress)"

MEASURES = {
    "abstention_half": Measure(
        label="agreement index, abstention against Yes/No = ½ (Voeten; State Department since 2017)",
        formula=("over the votes both states cast (Yes, No or Abstain), 1 for the same vote (both abstaining "
                 "included), ½ when one abstained and the other voted Yes or No, 0 for Yes against No; absences "
                 "are left out."),
        credit=("The agreement index of Erik Voeten's United Nations General Assembly Voting Data "
                "(doi:10.7910/DVN/LEJUQZ), after Lijphart's index of agreement (American Political Science Review "
                "57(4), 1963), and the arithmetic of the State Department's voting coincidence in its reports since "
                f"2017 ({STATE_DEPARTMENT}; the Department counts the final plenary votes of a calendar year)."),
    ),
    "same_vote": Measure(
        label="same-vote share, abstention against Yes/No = 0 (Imai)",
        formula=("over the votes both states cast (Yes, No or Abstain), the share on which they cast the same vote; "
                 "an abstention against a Yes or No counts as a disagreement, as Yes against No does; absences are "
                 "left out."),
        credit=("As in the UN voting data of Kosuke Imai, Quantitative Social Science: An Introduction (Princeton "
                "University Press, 2017), chapter 3 (PctAgreeUS, PctAgreeRUSSIA)."),
    ),
    "yes_no_only": Measure(
        label="Yes/No votes only (State Department before 2017)",
        formula=("over the votes on which both states voted Yes or No, the share on which they voted the same; "
                 "abstentions and absences are left out."),
        credit=(f"The State Department's voting coincidence in its reports before 2017 ({STATE_DEPARTMENT}); its "
                "reports since 2017 count an abstention against a Yes or No as half (the agreement index)."),
    ),
}


def label(method: str) -> str:
    return MEASURES[method].label


def definition(method: str) -> str:
    return MEASURES[method].definition
