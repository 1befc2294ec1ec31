"""A small inline tree for engine, loader and CLI tests.

first --yes--> second --a--> third --x--> done-x
  |              |             '--on--> done-b
  '--no--> done-no '--b--> done-b
"""


def outcome(oid: str, title: str) -> str:
    return f"""
  {oid}:
    title: {{en: {title}, zh: 结果{title}}}
    explanation: {{en: Explained {title}., zh: 解释{title}。}}
    next_steps: [{{en: Step for {title}., zh: 步骤{title}。}}]
    where_to_check: [{{en: Here., zh: 这里。}}]
    sources: [seed-001]
"""


VALID = (
    """
kind: decision-tree
id: small
title: {en: Small, zh: 小}
start: first
questions:
  first:
    text: {en: First?, zh: 第一？}
    help: {en: Look at the card., zh: 看卡。}
    options:
      - {value: "yes", label: {en: Yes, zh: 是}, next: second}
      - {value: "no", label: {en: No, zh: 否}, next: done-no}
  second:
    text: {en: Second?, zh: 第二？}
    options:
      - {value: a, label: {en: A, zh: 甲}, next: third}
      - {value: bee, label: {en: B, zh: 乙}, next: done-b}
  third:
    text: {en: Third?, zh: 第三？}
    options:
      - {value: x, label: {en: X, zh: 叉}, next: done-x}
      - {value: on, label: {en: On, zh: 开}, next: done-b}
outcomes:
"""
    + outcome("done-no", "No")
    + outcome("done-b", "B")
    + outcome("done-x", "X")
)
