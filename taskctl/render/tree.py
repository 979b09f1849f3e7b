"""The parsed tree that `import --dry-run` shows: headings and tasks with units and deadlines."""

from __future__ import annotations

import sys

from taskctl.ingest.drafts import ItemDraft, ParsedDocument


def _describe(item: ItemDraft, lang: str) -> str:
    zh = lang == "zh"
    parts = [f"{item.number} {item.title}"]
    if item.kind == "task":
        for role, zh_label in (
            ("lead", "牵头"),
            ("support", "配合"),
            ("responsible", "负责"),
            ("persons", "责任人"),
        ):
            names = getattr(item, role)
            if names:
                shown = [
                    f"{name}({item.unit_labels[name]})" if name in item.unit_labels else name
                    for name in names
                ]
                parts.append(f"[{zh_label if zh else role}: {'、'.join(shown)}]")
        if item.deadline_text or item.deadline:
            parts.append(f"[{item.deadline_text or ''} {item.deadline or ''}]".replace("[ ", "["))
        for label, value in item.attributes.items():
            parts.append(f"[{label}: {value}]")
    return " ".join(parts)


def _annotation(item: ItemDraft, lang: str) -> str | None:
    """The annotation text a task's units were read from, for checking them by eye."""
    if item.kind != "task" or not item.annotation_text:
        return None
    return f"{'标注' if lang == 'zh' else 'annotation'}: {item.annotation_text}"


def print_parsed(parsed: ParsedDocument, source: str, lang: str) -> None:
    """A rich Tree on a terminal, indented plain text otherwise, then the warnings."""
    zh = lang == "zh"
    head = (
        f"{source}: 「{parsed.title}」 计划期 {parsed.period_start or '?'}—"
        f"{parsed.period_end or '?'}, 任务 {len(parsed.tasks)} 项 (预览, 未写入)"
        if zh
        else f"{source}: “{parsed.title}” period {parsed.period_start or '?'}—"
        f"{parsed.period_end or '?'}, {len(parsed.tasks)} tasks (dry run, nothing written)"
    )
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markup import escape
        from rich.tree import Tree

        tree = Tree(escape(head))
        nodes: dict[int, Tree] = {}
        for i, item in enumerate(parsed.items):
            parent = nodes.get(item.parent, tree) if item.parent is not None else tree
            text = escape(_describe(item, lang))
            nodes[i] = parent.add(f"[bold]{text}[/]" if item.kind == "heading" else text)
            note = _annotation(item, lang)
            if note:
                nodes[i].add(f"[dim]{escape(note)}[/]")
        Console(highlight=False).print(tree)
    else:
        print(head)
        for item in parsed.items:
            print("  " * (item.level + 1) + _describe(item, lang))
            note = _annotation(item, lang)
            if note:
                print("  " * (item.level + 2) + note)
    for w in parsed.warnings:
        print(warning_line(source, w.line, w.message, lang), file=sys.stderr)


def warning_line(source: str, line: int, message: str, lang: str) -> str:
    """`FILE:LINE: warning: …`, in Chinese under zh (the message from taskctl.messages)."""
    if lang != "zh":
        return f"{source}:{line}: warning: {message}"
    from taskctl.messages import translate

    return f"{source}:{line}：警告：{translate(message, 'zh')}"
