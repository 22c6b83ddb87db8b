"""Han characters shared by Chinese and Japanese, folded to one form.

Japanese shinjitai (気, 図, 関…) and Traditional Chinese are folded to Simplified Chinese so that
a zh–ja pair can be compared character by character. Shinjitai → traditional comes from a table
of the common simplified-in-Japan forms; traditional → simplified from OpenCC (installed with the
core package).
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

_HAN = regex.compile(r"\p{Han}")

# Pairs "shinjitai traditional": Jōyō kanji whose Japanese form differs from the traditional one
# (OpenCC's t2s then takes the traditional form to Simplified Chinese).
_SHINJITAI = (
    "亜亞 悪惡 圧壓 囲圍 医醫 栄榮 営營 円圓 塩鹽 応應 欧歐 殴毆 桜櫻 温溫 仮假 価價 会會 絵繪 拡擴 "
    "覚覺 楽樂 渇渴 巻卷 陥陷 勧勸 寛寬 観觀 関關 歓歡 気氣 帰歸 偽僞 戯戲 犠犧 旧舊 拠據 挙舉 峡峽 "
    "狭狹 暁曉 区區 駆驅 勲勳 径徑 恵惠 掲揭 渓溪 経經 継繼 軽輕 鶏雞 芸藝 撃擊 欠缺 倹儉 剣劍 圏圈 "
    "検檢 権權 険險 験驗 顕顯 厳嚴 効效 広廣 恒恆 鉱礦 号號 黒黑 砕碎 済濟 剤劑 参參 惨慘 蚕蠶 賛贊 "
    "残殘 糸絲 歯齒 児兒 辞辭 湿濕 実實 写寫 釈釋 寿壽 収收 従從 渋澀 獣獸 縦縱 粛肅 処處 称稱 渉涉 "
    "焼燒 証證 条條 状狀 乗乘 浄淨 剰剩 畳疊 嬢孃 譲讓 醸釀 触觸 寝寢 慎愼 尽盡 図圖 粋粹 酔醉 随隨 "
    "髄髓 枢樞 数數 声聲 静靜 斉齊 摂攝 窃竊 専專 浅淺 戦戰 践踐 銭錢 潜潛 繊纖 禅禪 双雙 壮壯 争爭 "
    "荘莊 捜搜 挿插 巣巢 装裝 総總 騒騷 増增 臓臟 蔵藏 属屬 続續 堕墮 対對 帯帶 滞滯 滝瀧 択擇 沢澤 "
    "単單 担擔 胆膽 団團 断斷 弾彈 遅遲 昼晝 虫蟲 鋳鑄 庁廳 徴徵 聴聽 鎮鎭 逓遞 鉄鐵 転轉 点點 伝傳 "
    "灯燈 当當 党黨 盗盜 稲稻 闘鬭 徳德 独獨 弐貳 悩惱 脳腦 廃廢 拝拜 売賣 麦麥 発發 髪髮 抜拔 晩晚 "
    "蛮蠻 秘祕 浜濱 払拂 仏佛 併倂 並竝 辺邊 変變 弁辯 舗舖 歩步 宝寶 豊豐 没沒 満滿 黙默 訳譯 薬藥 "
    "予豫 余餘 与與 誉譽 揺搖 様樣 謡謠 来來 頼賴 乱亂 覧覽 竜龍 両兩 猟獵 緑綠 涙淚 励勵 礼禮 隷隸 "
    "霊靈 齢齡 恋戀 炉爐 労勞 楼樓 録錄 湾灣 読讀 駅驛 県縣 歴歷 塁壘 桟棧 将將 奨獎 壌壤 "
    "臭臭 器器 類類 郷鄉 響響 縄繩 蝿蠅 穏穩 隠隱 稲稻 拡擴 概槪 既旣 即卽 節節 麺麵 亀龜 "
    "叙敍 剰剩 戸戶 呉吳 娯娛 斎齋 雑雜 姉姊 視視 謹謹 勤勤 嘆嘆 難難 漢漢 祝祝 神神 福福 "
)
_TO_TRADITIONAL = str.maketrans({p[0]: p[1] for p in _SHINJITAI.split() if p[0] != p[1]})


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC  # imported on first use: building the converter takes a moment

    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def fold(text: str, lang: str) -> str:
    """The Han characters of ``text`` in Simplified form (kana, Latin and punctuation dropped)."""
    han = "".join(_HAN.findall(text))
    if not han or lang == "zh":
        return han
    if lang == "ja":
        han = han.translate(_TO_TRADITIONAL)
    return _t2s().convert(han)


def overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Dice coefficient of two collections of folded Han characters (0 when either is empty)."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))
