"""News-like sentences from a small grammar, word by word, in Simplified Chinese and English.

A template generator repeats whole clauses ("该负责人表示，将认真梳理各方意见建议") in every
paragraph, which real news does not: real paragraphs share words and short phrases, rarely a
clause. A benchmark on template text measures template text — every paragraph then looks like
a near copy of another. So sentences here are put together phrase by phrase (time, subject,
adverb, verb, object, complement), each drawn from lists of a few dozen, with figures, names
and places filled in. Nothing is copied from a corpus.
"""

from __future__ import annotations

import random

from newstext import EN_CITIES, EN_FIRST, EN_LAST, ZH_CITIES, ZH_GIVEN, ZH_SURNAMES

ZH_TIME = [
    "今年以来",
    "近日",
    "上周",
    "{m}月{d}日",
    "截至{m}月底",
    "在过去一年里",
    "从下月起",
    "目前",
    "此前",
    "当天上午",
    "{m}月{d}日下午",
    "本周",
    "前{q}季度",
    "去年同期",
    "春节前后",
    "近年来",
    "连日来",
    "今后三年",
    "{year}年",
    "入夏以来",
    "开学前",
    "国庆假期期间",
]
ZH_SUBJECT = [
    "{city}市政府",
    "{city}市教育局",
    "{city}市交通运输局",
    "{person}",
    "该公司",
    "相关部门",
    "不少居民",
    "多位专家",
    "记者",
    "多家企业",
    "全市各级学校",
    "区卫生健康委",
    "{city}海关",
    "市场监管部门",
    "{city}供电公司",
    "街道办事处",
    "省文化和旅游厅",
    "当地村民",
    "参会代表",
    "{city}地铁集团",
    "消防救援支队",
    "{person}所在的团队",
    "市民{person}",
    "{city}人民医院",
    "高新区管委会",
    "{city}税务局",
    "农业农村部门",
    "社区工作人员",
    "一家民营企业",
    "{city}图书馆",
]
ZH_ADVERB = [
    "正在",
    "已经",
    "将",
    "持续",
    "进一步",
    "积极",
    "首次",
    "逐步",
    "全面",
    "大力",
    "及时",
    "集中",
    "陆续",
    "主动",
    "加快",
    "重新",
    "统一",
    "分批",
    "按时",
    "联合",
]
ZH_VERB = [
    "推进",
    "启动",
    "完成",
    "发布",
    "召开",
    "调整",
    "扩大",
    "加强",
    "改造",
    "研究",
    "公布",
    "提出",
    "通过",
    "签署",
    "开展",
    "建设",
    "优化",
    "修订",
    "落实",
    "部署",
    "评估",
    "检查",
    "引进",
    "试行",
    "升级",
    "整治",
    "筹建",
    "推广",
]
ZH_OBJECT = [
    "{topic}工作",
    "{thing}建设",
    "新的管理办法",
    "一批重点项目",
    "年度工作计划",
    "便民服务",
    "合作协议",
    "专项检查",
    "试点方案",
    "配套政策",
    "职业技能培训",
    "老旧小区改造",
    "校园安全排查",
    "夜间经济",
    "公交线路",
    "数字化平台",
    "应急预案",
    "垃圾分类",
    "河道治理",
    "文物保护",
    "农田水利设施",
    "养老服务网点",
    "新能源汽车充电桩",
    "社区食堂",
    "跨境电商业务",
    "人才引进计划",
    "志愿服务活动",
    "交通信号系统",
    "食品安全抽检",
    "{thing}运营方案",
]
ZH_COMPLEMENT = [
    "，总投资{money}亿元",
    "，惠及群众{big}人",
    "，同比增长{pct}",
    "，预计{year}年完工",
    "，取得了明显成效",
    "，引起社会广泛关注",
    "，覆盖{n}个街道",
    "，涉及企业{n}家",
    "，比原计划提前{n}天",
    "，受到居民欢迎",
    "，目前进展顺利",
    "，为下一步工作打下基础",
    "，共收到意见建议{n}条",
    "，带动就业{big}人",
    "，累计服务{big}人次",
    "",
    "",
    "",
    "",
]
ZH_TOPICS = [
    "稳增长",
    "促就业",
    "乡村振兴",
    "生态保护",
    "科技创新",
    "营商环境",
    "城市更新",
    "公共服务",
    "数字经济",
    "教育改革",
    "医疗保障",
    "文旅融合",
    "安全生产",
    "粮食安全",
    "防汛抗旱",
]
ZH_THINGS = [
    "地铁",
    "园区",
    "学校",
    "医院",
    "公园",
    "数据中心",
    "物流枢纽",
    "保障性住房",
    "污水处理厂",
    "体育场馆",
    "高速公路",
    "产业园",
    "博物馆",
    "农贸市场",
]

EN_OPENING = [
    "On {day},",
    "Earlier this year,",
    "In {month},",
    "Last week,",
    "Since {year},",
    "For now,",
    "In a statement,",
    "At a meeting on {day},",
    "After months of talks,",
    "By the end of {month},",
    "Despite the delays,",
    "According to {org},",
    "",
    "",
    "",
    "",
    "",
    "",
]
EN_SUBJECT = [
    "{org}",
    "the mayor of {city}",
    "{person}",
    "local residents",
    "a group of parents",
    "two opposition parties",
    "the company",
    "{city}'s largest employer",
    "several schools",
    "the regional government",
    "hospital managers",
    "a spokesperson for {org}",
    "shop owners in {city}",
    "researchers at the university",
    "the union",
    "{person}, who chairs the committee",
    "officials in {city}",
    "the contractor",
    "volunteers",
    "the police",
]
EN_ADVERB = [
    "",
    "",
    "",
    "quietly",
    "formally",
    "again",
    "finally",
    "already",
    "publicly",
    "narrowly",
]
EN_VERB = [
    "approved",
    "rejected",
    "delayed",
    "announced",
    "reviewed",
    "expanded",
    "cut",
    "opened",
    "closed",
    "criticised",
    "defended",
    "proposed",
    "funded",
    "cancelled",
    "questioned",
    "postponed",
    "welcomed",
    "challenged",
    "extended",
    "paused",
]
EN_OBJECT = [
    "plans for a new {thing}",
    "the budget for {topic}",
    "a review of {topic}",
    "the contract",
    "a pilot scheme on {topic}",
    "the {thing} project",
    "new rules on {topic}",
    "the proposal",
    "funding for {n} new {thing}s",
    "a report on {topic}",
    "the decision to close the {thing}",
    "talks with the regional government",
    "a ban on night-time deliveries",
    "the tender process",
    "its forecast for {topic}",
    "a study of {topic}",
    "the appointment of a new director",
]
EN_TAIL = [
    "",
    "",
    "",
    " after a vote of {n} to {m}",
    " at a cost of {money} million",
    " despite strong objections",
    " for the second time this year",
    " until at least {year}",
    " in a move that surprised many",
    " following complaints from residents",
    " by a margin of {pct}",
    ", citing concerns over {topic}",
    ", officials said",
    ", according to people familiar with the matter",
    " earlier than expected",
]
EN_TOPICS = [
    "housing costs",
    "public transport",
    "school funding",
    "water quality",
    "energy prices",
    "flood defences",
    "hospital waiting times",
    "road safety",
    "air pollution",
    "child care",
    "broadband coverage",
    "local taxes",
    "recycling",
    "street lighting",
    "youth services",
]
EN_THINGS = [
    "bridge",
    "tram line",
    "library",
    "clinic",
    "sports hall",
    "bus depot",
    "wind farm",
    "school",
    "data centre",
    "housing estate",
    "cycle lane",
    "swimming pool",
    "car park",
]
EN_ORGS = [
    "the city council",
    "the health ministry",
    "the central bank",
    "the transport authority",
    "the school board",
    "the energy regulator",
    "the planning department",
    "the port authority",
    "the statistics office",
    "the housing agency",
    "the environment agency",
    "the chamber of commerce",
]
MONTHS = (
    "January February March April May June July August September October November December".split()
)
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def _fill(rng: random.Random, text: str, lang: str) -> str:
    if "{" not in text:
        return text
    if lang == "zh":
        m = rng.randint(1, 12)
        values = {
            "m": m,
            "d": rng.randint(1, 28),
            "q": rng.choice("一二三"),
            "year": rng.randint(2023, 2030),
            "city": rng.choice(ZH_CITIES),
            "person": rng.choice(ZH_SURNAMES) + rng.choice(ZH_GIVEN),
            "topic": rng.choice(ZH_TOPICS),
            "thing": rng.choice(ZH_THINGS),
            "money": f"{rng.randint(1, 300)}.{rng.randint(0, 9)}",
            "big": rng.randint(1000, 990000),
            "pct": f"{rng.randint(1, 30)}.{rng.randint(0, 9)}%",
            "n": rng.randint(2, 90),
        }
    else:
        values = {
            "day": rng.choice(DAYS),
            "month": rng.choice(MONTHS),
            "year": rng.randint(2024, 2031),
            "org": rng.choice(EN_ORGS),
            "city": rng.choice(EN_CITIES),
            "person": f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}",
            "topic": rng.choice(EN_TOPICS),
            "thing": rng.choice(EN_THINGS),
            "n": rng.randint(2, 40),
            "m": rng.randint(2, 40),
            "money": f"{rng.randint(2, 900)}.{rng.randint(0, 9)}",
            "pct": f"{rng.randint(1, 40)}%",
        }
    return text.format(**values)


def zh_sentence(rng: random.Random) -> str:
    """One Chinese sentence: [time，] subject adverb verb object [complement]。"""
    pick = rng.choice
    parts = []
    if rng.random() < 0.6:
        parts.append(_fill(rng, pick(ZH_TIME), "zh") + "，")
    parts.append(_fill(rng, pick(ZH_SUBJECT), "zh"))
    parts.append(pick(ZH_ADVERB) + pick(ZH_VERB) + _fill(rng, pick(ZH_OBJECT), "zh"))
    parts.append(_fill(rng, pick(ZH_COMPLEMENT), "zh"))
    return "".join(parts) + "。"


def en_sentence(rng: random.Random) -> str:
    """One English sentence: [opening] subject [adverb] verb object [tail]."""
    pick = rng.choice
    words = [
        _fill(rng, pick(EN_OPENING), "en"),
        _fill(rng, pick(EN_SUBJECT), "en"),
        pick(EN_ADVERB),
    ]
    words += [pick(EN_VERB), _fill(rng, pick(EN_OBJECT), "en")]
    sentence = " ".join(w for w in words if w) + _fill(rng, pick(EN_TAIL), "en") + "."
    return sentence[0].upper() + sentence[1:]


def paragraph(rng: random.Random, lang: str) -> str:
    """A paragraph of 2–6 sentences."""
    n = rng.randint(2, 6)
    if lang == "zh":
        return "".join(zh_sentence(rng) for _ in range(n))
    return " ".join(en_sentence(rng) for _ in range(n))
