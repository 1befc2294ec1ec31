"""The catalogue's words of the top-level `--help` (medbal.commands.helptext): the
examples' heading, every exit code and every environment variable, in English and
Chinese.  Looked up by key like every other entry (medbal.i18n.catalogue holds them in
its interface section); the help reads them from here, so that `--help` does not load
the whole catalogue.
"""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    "help_examples": ("Examples", "示例"),
    "help_exit_codes": ("Exit codes", "退出码"),
    "help_environment": ("Environment", "环境变量"),
    "help_exit_0": (
        "done: an outcome, a checklist, valid files; also q, and a reader that "
        "closed the pipe early",
        "完成：得出结果、材料清单或文件有效；按 q 退出、读取方提前关闭管道也是 0",
    ),
    "help_exit_1": (
        "a broken tree file, a failed write, input that ended before an answer, "
        "or an internal error",
        "树文件有误、写入失败、回答之前输入已结束，或内部错误",
    ),
    "help_exit_2": (
        "bad input: an unknown command, option, tree, question, answer or category, "
        "or a malformed value",
        "输入有误：命令、选项、树、问题、回答或类别不存在，或取值格式不对",
    ),
    "help_exit_3": (
        "one-shot diagnose stopped at a question that has no answer yet",
        "一次性的 diagnose 停在一个还没有回答的问题上",
    ),
    "help_exit_130": ("interrupted (Ctrl-C)", "被中断（Ctrl-C）"),
    "help_exit_143": (
        "terminated (SIGTERM); a file being written is removed",
        "被终止（SIGTERM）；正在写入的文件会被删除",
    ),
    "help_env_lang": (
        "the language, en or zh, where --lang is not given",
        "未给 --lang 时的语言：en 或 zh",
    ),
    "help_env_locale": (
        "then the locale: the first that is set decides (zh... is Chinese), else English",
        "其次是区域设置：以第一个有值的为准（zh 开头为中文），否则为英文",
    ),
    "help_env_trees": (
        "a folder of trees laid over the shipped ones, as --trees",
        "覆盖内置树文件的文件夹，同 --trees",
    ),
    "help_env_cache": (
        "0 turns off the cache of checked trees",
        "设为 0 时不使用已检查树文件的缓存",
    ),
    "help_env_xdg": (
        "where the cache is kept: its medbal folder, else ~/.cache/medbal",
        "缓存存放处：其中的 medbal 文件夹，未设置时为主目录下的 .cache/medbal",
    ),
    "help_env_debug": (
        "set and not empty: an internal error shows its traceback",
        "有值时，内部错误会显示完整的出错信息（traceback）",
    ),
    "help_env_no_color": (
        "set and not empty: no colour; the layout stays",
        "有值时不使用颜色，排版不变",
    ),
    "help_env_force_color": (
        "set and not empty: colour even through a pipe (NO_COLOR wins)",
        "有值时即使输出到管道也使用颜色（NO_COLOR 优先）",
    ),
    "help_env_term": ("dumb: no colour; the layout stays", "为 dumb 时不使用颜色，排版不变"),
    "help_env_columns": (
        "the width text and help are laid out at (default: the window's)",
        "文字和帮助的排版宽度（默认为窗口宽度）",
    ),
}
