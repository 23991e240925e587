"""A held-out corpus of news-like pages with every line labelled, for bench_boilerplate.py.

Written apart from the tests' data (other vocabulary, other templates, other sites). Pages come
from invented sites, Chinese and English; each site has its own header and footer: some lines any
lexicon knows (版权所有, "All rights reserved"), many it cannot (the site's slogan, its hotline,
its menu). Articles carry what real ones do: titles, bylines, datelines, subheads, list items,
quotes, captions, and sentences that mention copyright, sources and sharing.

Each line is ``(text, label)`` with label ``content``, ``boilerplate`` or ``either`` (a section
tag, which a reader may or may not want; counted in neither measure).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

Line = tuple[str, str]

_ZH_TOPIC = [
    "春耕",
    "高铁",
    "冬奥",
    "非遗",
    "湿地",
    "芯片",
    "夜市",
    "养老",
    "种业",
    "河长制",
    "文物",
    "快递",
]
_ZH_PLACE = ["临川", "青阳", "白鹭洲", "松江口", "金沙", "云岭", "石门", "清溪", "北原", "东湖"]
_ZH_ACTOR = [
    "县农业农村局",
    "市文旅局",
    "区住建委",
    "一家科技企业",
    "省博物馆",
    "当地村民",
    "老年大学",
    "环保志愿队",
    "镇卫生院",
    "物流园区",
]
_ZH_ACTION = [
    "推出了一批便民服务新举措",
    "完成了今年第一季度的全部目标",
    "组织专家开展了实地调研",
    "试点建设了数字化管理平台",
    "举办了面向青少年的公益讲座",
    "修复了三处有百年历史的老建筑",
    "签约落地了总投资二十亿元的新项目",
    "把服务窗口延伸到了村组一级",
]
_ZH_DETAIL = [
    "这项工作的资金来源包括财政补助和社会捐赠两部分",
    "工作人员提醒，转发未经核实的消息可能要承担法律责任",
    "这组照片在社交平台上被大量分享，很多网友留言点赞",
    "该馆藏品的版权归属问题曾引发过一场诉讼，最终双方达成和解",
    "目前已有一千二百多户家庭享受到了这项服务",
    "项目负责人说，接下来还要听取更多群众的意见和建议",
    "与去年同期相比，参与人数增长了将近一倍",
    "不少年轻人专程从外地赶来，只为亲眼看一看",
    "据测算，项目建成后每年可减少碳排放约四万吨",
    "评论人士指出，类似做法在其他城市也取得了不错的效果",
]
_ZH_SITES = [
    (
        "晨星网",
        ["晨星网 · 让阅读更简单", "晨星网首页 | 时政 | 财经 | 文旅 | 体育 | 视频"],
        [
            "晨星网新闻热线：0551-66668888",
            "晨星传媒集团主办 皖ICP备10020030号",
            "版权所有 晨星网 未经授权禁止复制或建立镜像",
        ],
    ),
    (
        "江畔在线",
        ["江畔在线", "今日头条 本地 民生 问政 专题"],
        [
            "江畔在线客户端 随时随地看新闻",
            "江畔在线 版权所有",
            "违法和不良信息举报电话：027-12345678",
        ],
    ),
    (
        "北原新闻网",
        ["北原新闻网——北原人自己的网站", "首页 > 北原要闻 > 正文"],
        [
            "本网编辑部地址：北原市人民路1号",
            "北原日报社 主管主办",
            "Copyright © 2009-2024 北原新闻网",
        ],
    ),
    (
        "云岭之窗",
        ["云岭之窗 门户", "当前位置：首页 > 新闻中心"],
        [
            "联系我们 | 网站地图 | 关于我们",
            "云岭之窗运营中心 电话 0871-5555123",
            "滇公网安备 53010202000888号",
        ],
    ),
    (
        "青阳资讯",
        ["青阳资讯 青阳人的掌上新闻", "要闻 | 社会 | 教育 | 健康 | 房产 | 汽车"],
        [
            "欢迎扫码关注青阳资讯公众号",
            "青阳资讯 为您提供最新本地新闻",
            "本站部分内容来源于网络，如有侵权请联系删除",
        ],
    ),
]
_ZH_SHARE = ["分享到：", "微信", "微博", "QQ空间"]
_ZH_TAIL_NAMES = [
    "溪口",
    "梧桐",
    "南岸",
    "红枫",
    "雁塔",
    "长亭",
    "鹤鸣",
    "樟树",
    "芦花",
    "碧波",
    "松涛",
    "杏坛",
]
_ZH_TAIL_SUFFIX = ["新闻网", "在线", "资讯网", "之声", "融媒"]
_EN_TAIL_NAMES = [
    "Riverside",
    "Hillcrest",
    "Oakbridge",
    "Saltmarsh",
    "Kingsford",
    "Elmstead",
    "Westmoor",
    "Brackwater",
]
_WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
_ZH_RELATED_HEAD = ["相关新闻", "推荐阅读", "热点推荐", "猜你喜欢"]
_ZH_SECTIONS = ["两会专题", "乡村振兴", "民生关注", "一线调研"]

_EN_TOPIC = [
    "housing",
    "flood defences",
    "school meals",
    "bus routes",
    "the museum",
    "wind farms",
    "the harbour",
    "rents",
    "libraries",
]
_EN_ACTOR = [
    "The county board",
    "A coalition of tenants",
    "The port authority",
    "The museum's trustees",
    "Health officials",
    "A group of engineers",
    "The mayor's office",
    "Teachers' unions",
]
_EN_ACTION = [
    "unveiled a plan to cut waiting times by half",
    "voted to delay the decision until autumn",
    "published figures showing a steady rise in demand",
    "called for an independent review",
    "signed a ten-year contract with a local supplier",
    "opened a consultation that runs until May",
]
_EN_DETAIL = [
    "The source of the leaked documents has not been identified",
    "Several residents shared photos of the damage online",
    "A dispute over the copyright of the original drawings delayed the project",
    "Officials expect the scheme to pay for itself within six years",
    "Critics say the money would be better spent on maintenance",
    "Turnout at the public meeting was the highest in a decade",
    "The report's authors followed two hundred families for three years",
    "Privacy rules limit how long the recordings can be kept",
    "The figures do not include the cost of the new depot",
]
_EN_SITES = [
    (
        "Harbour Gazette",
        ["The Harbour Gazette", "News | Sport | Business | Opinion | Weather"],
        [
            "The Harbour Gazette, 12 Quay Street",
            "Call our newsroom on 0800 555 0199",
            "© 2024 Harbour Gazette Media. All rights reserved.",
        ],
    ),
    (
        "Valley Courier",
        ["Valley Courier — Your valley, your news", "Home > Local News"],
        [
            "Valley Courier is part of the Riverside Press group",
            "Got a story? Email tips@valleycourier.example",
            "Privacy Policy | Terms of Use | Contact Us",
        ],
    ),
    (
        "Northfield Post",
        ["Northfield Post", "Skip to main content"],
        [
            "Northfield Post Ltd, registered in England",
            "Sign up for the Northfield Post morning briefing",
            "Copyright © 2024 Northfield Post",
        ],
    ),
    (
        "Metro Ledger",
        ["METRO LEDGER", "Subscribe"],
        [
            "Metro Ledger is an independent, reader-funded newsroom",
            "Support local journalism with a subscription from $5 a month",
            "About Us | Careers | Advertise | Contact",
        ],
    ),
]
_EN_SHARE = ["Share this article", "Facebook", "Twitter", "Email"]
_EN_RELATED_HEAD = ["Related articles", "Most read", "More from the Gazette", "You may also like"]
_EN_SECTIONS = ["Local politics", "Special report"]


def _zh_tail_site(k: int) -> tuple[str, list[str], list[str]]:
    name = _ZH_TAIL_NAMES[k] + _ZH_TAIL_SUFFIX[k % len(_ZH_TAIL_SUFFIX)]
    header = [f"{name}欢迎您", f"首页 | {_ZH_TAIL_NAMES[k]}新闻 | 乡镇 | 视频 | 专题"]
    footer = [
        f"{name} 主办单位：{_ZH_TAIL_NAMES[k]}县融媒体中心",
        f"版权所有：{name}",
        f"{name}热线 {k + 1}{k + 3}88{k}666",
    ]
    return name, header, footer


def _en_tail_site(k: int) -> tuple[str, list[str], list[str]]:
    name = f"{_EN_TAIL_NAMES[k]} {['Times', 'Echo', 'Herald', 'Voice'][k % 4]}"
    header = [name, "News Sport Community Events Contact"]
    footer = [
        f"{name} is published by {_EN_TAIL_NAMES[k]} Community Media",
        f"© {name} 2024",
        "Privacy | Cookies | Terms",
    ]
    return name, header, footer


@dataclass
class Page:
    site: str
    lang: str
    lines: list[Line]


def _zh_para(rng: random.Random) -> str:
    place, actor = rng.choice(_ZH_PLACE), rng.choice(_ZH_ACTOR)
    head = f"{rng.randint(1, 28)}日，{place}{actor}{rng.choice(_ZH_ACTION)}。"
    return head + "".join(f"{rng.choice(_ZH_DETAIL)}。" for _ in range(rng.randint(1, 3)))


def _zh_title(rng: random.Random) -> str:
    return f"{rng.choice(_ZH_PLACE)}：{rng.choice(_ZH_TOPIC)}{rng.choice(['工作迈出新步伐', '迎来新变化', '跑出加速度', '答好民生卷'])}"


def _zh_body(rng: random.Random) -> list[Line]:
    body: list[Line] = []
    if rng.random() < 0.4:
        body.append(
            (
                f"新华社{rng.choice(_ZH_PLACE)}{rng.randint(1, 12)}月{rng.randint(1, 28)}日电",
                "content",
            )
        )
    for k in range(rng.randint(3, 8)):
        subhead = (
            f"{'一二三四'[k % 4]}、{rng.choice(_ZH_TOPIC)}{rng.choice(['有序推进', '仍需加力'])}"
        )
        quote = f"“{rng.choice(['这是实实在在的好事', '我们心里踏实了', '明年还要接着干'])}。”一位村民说。"
        caption = f"图为{rng.choice(_ZH_PLACE)}{rng.choice(_ZH_TOPIC)}现场。"
        body += _paragraph_with_extras(rng, _zh_para(rng), subhead, quote, caption)
    body.append(
        (
            f"（记者{rng.choice(['周', '吴', '郑', '孙'])}{rng.choice(['一鸣', '晓雯', '建华'])}）",
            "content",
        )
    )
    return body


def _paragraph_with_extras(
    rng: random.Random, paragraph: str, subhead: str, quote: str, caption: str | None
) -> list[Line]:
    """A paragraph, sometimes under a subhead, sometimes followed by a quote or a caption."""
    out: list[Line] = [(subhead, "content")] if rng.random() < 0.13 else []
    out.append((paragraph, "content"))
    if rng.random() < 0.1:
        out.append((quote, "content"))
    if caption is not None and rng.random() < 0.08:
        out.append((caption, "content"))
    return out


def zh_page(rng: random.Random, site: int, body: list[Line] | None = None) -> Page:
    name, header, footer = _ZH_SITES[site] if site >= 0 else _zh_tail_site(-site - 1)
    lines: list[Line] = [(h, "boilerplate") for h in header]
    if rng.random() < 0.5:
        lines.append(
            (
                f"2024年{rng.randint(1, 12)}月{rng.randint(1, 28)}日 {rng.choice(_WEEKDAYS)}",
                "boilerplate",
            )
        )
    if rng.random() < 0.5:
        lines.append((rng.choice(_ZH_SECTIONS), "either"))
    lines.append((_zh_title(rng), "content"))
    lines.append(
        (
            f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 0{rng.randint(7, 9)}:{rng.randint(10, 59)} 来源：{name}",
            "boilerplate",
        )
    )
    if rng.random() < 0.5:
        lines.append((f"本报记者 {rng.choice(['刘洋', '陈静'])} 摄", "content"))
    if rng.random() < 0.15:
        lines.append(
            (f"编者按：{rng.choice(_ZH_DETAIL)}，本报今起推出系列报道，敬请关注。", "content")
        )
    lines += body if body is not None else _zh_body(rng)
    if rng.random() < 0.2:
        lines.append(("（完）", "content"))
    lines.append((f"责任编辑：{rng.choice(['马丽', '何平', '高原'])}", "boilerplate"))
    if rng.random() < 0.7:
        lines += [(s, "boilerplate") for s in _ZH_SHARE]
    if rng.random() < 0.7:
        lines.append((rng.choice(_ZH_RELATED_HEAD), "boilerplate"))
        lines += [(_zh_title(rng), "boilerplate") for _ in range(rng.randint(2, 5))]
    lines += [(f, "boilerplate") for f in footer]
    if rng.random() < 0.3:
        lines.append(
            (
                rng.choice(
                    ["点击阅读原文", "【纠错】", "扫一扫在手机上阅读本文", "打印本页 关闭窗口"]
                ),
                "boilerplate",
            )
        )
    return Page(name, "zh", lines)


def _en_para(rng: random.Random) -> str:
    head = f"{rng.choice(_EN_ACTOR)} {rng.choice(_EN_ACTION)} on {rng.choice(['Monday', 'Wednesday', 'Friday'])}."
    return head + "".join(f" {rng.choice(_EN_DETAIL)}." for _ in range(rng.randint(1, 3)))


def _en_title(rng: random.Random) -> str:
    return f"{rng.choice(['New plan for', 'Anger over', 'Vote delayed on', 'Record demand for'])} {rng.choice(_EN_TOPIC)}"


def en_page(rng: random.Random, site: int) -> Page:
    name, header, footer = _EN_SITES[site] if site >= 0 else _en_tail_site(-site - 1)
    lines: list[Line] = [(h, "boilerplate") for h in header]
    if rng.random() < 0.3:
        lines.append((rng.choice(_EN_SECTIONS), "either"))
    lines.append((_en_title(rng), "content"))
    lines.append((f"By {rng.choice(['Ann Lee', 'Tom Berg', 'Ravi Patel'])}", "content"))
    lines.append((f"Published {rng.randint(1, 28)} March 2024", "boilerplate"))
    for k in range(rng.randint(3, 8)):
        subhead = rng.choice(["What the plan means", "The cost", "Next steps for residents"])
        said = rng.choice(["We were never asked", "It is a fair deal", "This has gone on too long"])
        quote = f'"{said}," {rng.choice(["she", "he"])} said.'
        lines += _paragraph_with_extras(rng, _en_para(rng), subhead, quote, None)
        if k == 1 and rng.random() < 0.3:
            lines.append(("Advertisement", "boilerplate"))
        if rng.random() < 0.06:
            lines.append(
                (
                    f"Photo: {rng.choice(_EN_ACTOR)} at the meeting on {rng.choice(['Monday', 'Friday'])}",
                    "content",
                )
            )
        if rng.random() < 0.05:
            lines += [
                (
                    f"- {rng.choice(['Lower fares for students', 'A new depot by 2027', 'Longer opening hours', 'Two more lifeguards'])}",
                    "content",
                )
                for _ in range(2)
            ]
    if rng.random() < 0.7:
        lines += [(s, "boilerplate") for s in _EN_SHARE]
    if rng.random() < 0.7:
        lines.append((rng.choice(_EN_RELATED_HEAD), "boilerplate"))
        lines += [(_en_title(rng), "boilerplate") for _ in range(rng.randint(2, 5))]
    lines += [(f, "boilerplate") for f in footer]
    return Page(name, "en", lines)


def corpus(pages_per_site: int = 40, seed: int = 2024) -> list[Page]:
    """Pages of every site, interleaved (a crawl is not sorted by site): a few big sites, a long
    tail of small ones (3 to 6 pages: too few to learn from), and one wire story syndicated by
    six sites (its body recurs, and must stay)."""
    rng = random.Random(seed)
    pages = [zh_page(rng, s) for s in range(len(_ZH_SITES)) for _ in range(pages_per_site)]
    pages += [en_page(rng, s) for s in range(len(_EN_SITES)) for _ in range(pages_per_site)]
    pages += [
        zh_page(rng, -k - 1) for k in range(len(_ZH_TAIL_NAMES)) for _ in range(rng.randint(3, 6))
    ]
    pages += [
        en_page(rng, -k - 1) for k in range(len(_EN_TAIL_NAMES)) for _ in range(rng.randint(3, 6))
    ]
    wire = _zh_body(rng)
    pages += [zh_page(rng, s % len(_ZH_SITES) if s < 3 else -s, body=wire) for s in range(6)]
    rng.shuffle(pages)
    return pages


def zh_article(rng: random.Random) -> list[str]:
    """A Chinese news article as extractors deliver it: title, byline, 8 to 20 paragraphs of
    two to seven sentences, the odd subhead and caption, and a short footer."""
    lines = [_zh_title(rng), f"（记者{rng.choice(['周一鸣', '吴晓雯', '郑建华'])}）"]
    for k in range(rng.randint(8, 20)):
        if rng.random() < 0.1:
            lines.append(
                f"{'一二三四'[k % 4]}、{rng.choice(_ZH_TOPIC)}{rng.choice(['有序推进', '成效明显'])}"
            )
        head = f"{rng.randint(1, 28)}日，{rng.choice(_ZH_PLACE)}{rng.choice(_ZH_ACTOR)}{rng.choice(_ZH_ACTION)}。"
        lines.append(
            head + "".join(f"{rng.choice(_ZH_DETAIL)}。" for _ in range(rng.randint(1, 6)))
        )
        if rng.random() < 0.05:
            lines.append(f"图为{rng.choice(_ZH_PLACE)}{rng.choice(_ZH_TOPIC)}现场。")
    lines += ["责任编辑：马丽", "分享到：", "版权所有 晨星网 未经授权禁止复制或建立镜像"]
    return lines
