"""Phrase tables for the listening-behaviour rules in ``coach.behaviours``.

Every pattern runs on *normalised* text: lower case, apostrophes removed ("you're" -> "youre"),
fillers dropped and whitespace collapsed, so one spelling covers typed text, casual text and
Whisper transcripts alike. Patterns are kept here, apart from the logic, so a coder can read and
extend the vocabulary without reading the control flow.
"""

from __future__ import annotations

import re


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE)


SUBJ = r"(?:i|you|he|she|it|we|they|that|this|there|your|his|her|their|my|our|the|a|an|anyone|anybody|someone|somebody|everyone|everything|anything|things|people|mom|mum|dad)"
AUX = (
    r"(?:do|does|did|is|are|am|was|were|have|has|had|can|could|will|would|should|shall|may|might|"
    r"dont|doesnt|didnt|isnt|arent|wasnt|werent|havent|hasnt|cant|couldnt|wont|wouldnt|shouldnt)"
)
WH = r"(?:what|whats|how|hows|why|whys|where|wheres|when|whens|who|whos|which|whatd|howd|whered|whyd|whod|whatre|howre|wherere)"

# Words that open a turn without carrying its meaning: stripped before looking at the form.
LEAD = _rx(
    r"""^(?:(?:so|and|but|okay|ok|alright|well|oh|yeah|yes|no|wait|right|hmm|honestly|anyway|
    i\ mean|i\ guess|basically|then|now|look(?!\ (?:up|for|into|after|out)\b)|hey|mm|ah|gosh|god|oh\ god|(?:oh\ )?my\ (?:god|gosh)|omg|man|mate|bhai|yaar|arre|arrey|bro|dude|wow|sure|just\ to\ check|ugh|meh|funny|tbh|haha|ha|lol|sorry(?=,))\b[\s,]*)+"""
)

FILLER_BETWEEN_COMMAS = re.compile(r",\s*(?:u+m+|u+h+m*|e+r+m*|like)\s*,")
FILLERS = re.compile(r"\b(?:u+m+|u+h+m*|e+r+m*|h+m+|mm+|uhh+)\b[,]?")
# "like" as filler: after a discourse word or a comma, or before a comma.
FILLER_LIKE = re.compile(r"(?:(?<=^)|(?<=[,])|(?<=\bso)|(?<=\band)|(?<=\bbut)|(?<=\bokay)|(?<=\byeah)|"
                         r"(?<=\bmean)|(?<=\bwell)|(?<=\bhonestly)|(?<=\boh)|(?<=\bwait))\s*like\b,?")
FILLER_YOU_KNOW = re.compile(
    r"(?<!\bdo)(?<!\bdid)(?<!\bdont)(?<!\bdidnt)(?<!\bif)\s*\byou know\b(?!\s+(?:what|why|how|if|whether|who|where|when|that|about|him|her|them|it|anyone))"
)
FILLER_I_MEAN = re.compile(r"(?:^|(?<=[,.!?]))\s*i mean\b,?")
REPEAT = re.compile(r"\b(\w+(?:\s+\w+){0,3})[\s,]+\1\b")

# --- quoted or reported speech: the partner telling what someone else said -------------------
_PERSON = r"(?:mom|mum|dad|mother|father|boss|manager|therapist|doctor|friend|sister|brother|teacher|coach|wife|husband|partner|boyfriend|girlfriend|ex|aunt|auntie|uncle|cousin|grandma|grandpa|gran|granny|nan|nana|nanna|grandad|granddad|grandmother|grandfather|son|daughter|roommate|colleague|coworker|neighbour|neighbor|counsellor|counselor|parents|family|friends|lawyer|solicitor|gp|nurse|mate|mates|flatmate|landlord)"
# Verbs that, opening a clause, make an imperative suggestion.
IMPERATIVE_VERBS = (
    "ignore tell talk ask call go try take write get set be let give put stop quit leave block text email "
    "move sell dump walk see focus start find keep breathe apply report check skip sign send drop read eat "
    "drink wait change speak pack apologise apologize sleep switch delete unfollow say mute confront "
    "ring phone message book look make think consider reach stand sit rest treat cut answer reply respond lend use stay bring knock "
    "pay trust believe accept agree forget rush remember hire join sign cancel save limit schedule bin ditch drive have do lead stick close jot "
    "swap"
).split()
# A bare name opening a clause ("Sarah said", "jess mentioned"): any word but these, nor a suggestion verb
# ("try asking him").
_NAME = r"(?:(?<=^)|(?<=,\ )|(?<=\band\ )|(?<=\bbut\ )|(?<=\bso\ ))(?!(?:(?:you|i|we|they|he|she)\w*|that|thats|it|its|this|what|who|which|having|as|well|not|only|nicely|enough|never|already|just|be|been|so|and|but|then|now|okay|ok|yeah|oh|also|because|if|when|maybe|honestly|(?:no|every|some|any)(?:body|one)s)\b)(?!(?:" + "|".join(IMPERATIVE_VERBS) + r")\b)[a-z]+"
_REPORTER = rf"(?:i|he|she|they|we|(?:every|some|no)(?:one|body)s?|people|(?:my|his|her|their|our|the|your)\ (?:\w+\ )?{_PERSON}|{_PERSON}|{_NAME})"
QUOTE_FRAME = _rx(
    rf"""(?<!\bwhat\ )(?<!\bhow\ )\b{_REPORTER}\s+(?:just\ |always\ |kept\ |keeps\ |keep\ |even\ )?
    (?:said|says|told\ (?:me|him|her|them|us|you)|tells\ (?:me|him|her|them|us|you)|telling\ (?:me|you)|mentioned|thinks|(?:was|were|has\ been|keeps)\ saying|asked(?:\ me|\ him|\ her|\ them)?|
       asks|was\ like|were\ like|is\ like|goes(?!\ (?:through|to|away|on|by|back|out|home|in|up|down|off|with|for|around|over|the\ same|like\ that))|went\ like|suggested|suggests|saying|telling\ me|asking(?!\ about\b)|texted(?:\ me)?|
       wrote|reckons|used\ to\ (?:say|tell\ me))\b(?:(?<=like)(?!\ (?:that|this|him|her|me|mine|them)\b(?!\ (?:is|was|s)\b))(?!\s*$)|(?<!like))"""
)
# "hes like, why don't you…": the contraction hides the reporter from QUOTE_FRAME.
QUOTE_FRAME_LIKE = _rx(r"\b(?:(?:hes|shes|theyre|(?:my|his|her|their|your)\ \w+s)\ all(?=,)|(?:hes|shes|theyre|im|everyones)\ (?:just\ |always\ |all\ )?like\b)(?!\ (?:that|this|it|him|her|me|you|mine)\b(?:\ too|\ as\ well|\s*$|,))")
# The listener's own voice that looks like a quote frame ("I'd say", "like I said").
NOT_QUOTE = _rx(r"\b(?:id|i\ would|i\ will|ill|can\ i|may\ i|mind\ if\ i|let\ me)\s+(?:just\ )?(?:say|tell|suggest|ask)|\b(?:if|when|what|how)\ i\ (?:suggested|said|told|asked|tell|say)")

# --- advice --------------------------------------------------------------------------------------
# What other people do, as a hint ("lots of parents find…", "some couples go to…").
_MANY = r"(?:a\ lot\ of|lots\ of|loads\ of|plenty\ of|many|most|some)"
# People and places whose help one can seek: asking whether the partner has is a suggestion to.
_HELP = r"(?:doctor|gp|manager|boss|supervisor|lawyer|solicitor|counsellor|counselor|therapist|bank|school|council|hr|union|landlord|police|vet|teacher|nurse|pharmacist|advisor|adviser|helpline|insurer|insurance\ company|accountant)"
# Talking it through here and now: "would it help to talk through what feels hardest?" invites the
# partner to keep talking, which is what a listener is for; "…to talk to your manager" is advice.
TALK_HERE = r"(?:talk\ (?:it\ |this\ |that\ |things\ )?(?:through|about|over|out|more)|talk\ to\ me|say\ more|tell\ me)\b"
# "you could" + any action suggests it ("you could offer her less"); what follows "could" must not be
# perception ("you could tell she was upset"), hindsight ("could have"), a risk ("could lose it") or the
# end of "everything you could for her".
ADVICE = _rx(
    rf"""
    (?<!\bwhen\ )(?<!\bwhenever\ )\byou\ (?:really\ |definitely\ |probably\ |honestly\ |seriously\ |totally\ |kind\ of\ |kinda\ |sort\ of\ |just\ |maybe\ |still\ |so\ |all\ )*
        (?:should(?!\ have|ve|\ of|nt|\ not)|need\ (?:a|an|some)\ (?:break|holiday|vacation|rest|day\ off|lawyer|therapist|doctor|new|change|plan|nap|proper|real|good)\b|need\ to\b|needa\b|have\ to\b|gotta\b|got\ to\b|ought\ to(?!\ have\ (?:\w+ed|known|done|seen|been|gone|told|said|thought)\b)|
           could\ (?:always\ |just\ |maybe\ |also\ |perhaps\ )?(?!(?:have|ve|of|be|not|never|tell(?!\ (?:him|her|them|us|your|his|their|the|a|someone|somebody|everyone)\b)|see(?!\ (?:a|someone|if|whether)\b)|hear|feel|sense|smell|lose|die|end\ up|
               do\ (?:anything|nothing|no\ wrong|better|worse)|get\ (?:hurt|fired|sacked|sick|killed|in\ trouble|arrested|sued|burned|burnt)|
               probably|barely|hardly|only|actually|already|easily|even|ever|still|really|totally|definitely|
               for|to|with|in|at|about|on|and|but|or|so|because|if|when|though|since|yourself|imagine)\b)\w\w|
           might\ (?:want|wanna|consider|try|need)|may\ want|had\ better|better\ |
           shall\ (?!(?:have|be|not|never|see|hear)\b)\w\w)  # tiny.en's "shall" for "should"
    |(?<!\bknow\ )(?<!\bknows\ )(?<!\bknew\ )(?<!\bsure\ )(?<!\bdecide\ )(?<!\bout\ )(?<!\bwondering\ )\bwhat\ you\ (?:really\ )?(?:need|should|gotta|have\ to|ought|want\ to\ do|wanna\ do)
    |\b(?<!do\ )(?<!did\ )(?<!if\ )you\ (?:wanna|want\ to)\ (?:get|go|try|talk|call|see|ask|take|make|book|check|stop|start)\b
    |(?:^|,\ )(?:(?:yeah|and|so|honestly|well|oh|look|but|then)\ )*youd\ (?:really\ |probably\ |definitely\ |just\ )?(?:wanna|want\ to)\ (?:get|go|try|talk|call|ring|phone|see|ask|take|make|book|check|stop|start|lock|put|sort)\b  # opening its clause: "why you'd want to…" explains
    |\b(?:only|one|best|other)\ (?:\w+\ )?option\b.*\b(?:is|thats|would\ be)\ to\b
    |^(?:\w+\ )?one\ is\ to\ (?!blame\b)\w+\b.*\banother\ is\ to\b  # options counted out: "one is to…, another is to…"
    |\bany\ way\ you\ (?:could|can)\b|\byoud\ be\ (?:so\ |much\ |way\ )?better\ off\b
    |^(?:have\ you\ |you\ )?ever\ (?:thought|considered|tried)\b|^you\ considered\ \w+ing\b
    |\b(?<!whether\ )(?<!if\ )(?:its|it\ is|it\ might\ be|it\ could\ be|might\ be|would\ be|it\ would\ be)\ (?:really\ |definitely\ |probably\ |so\ )?worth\ \w+ing\b
    |\b(?:youve|you\ have)\ (?:really\ |just\ )?(?:got\ to|gotta)\b|\byoud\ (?:better|best)\b
    |\bif\ (?:i\ were|i\ was|it\ were\ me|it\ was\ me|i\ was\ in\ your|i\ were\ in\ your)
    |^(?:\w+\ )?it\ were\ me\b  # the "if" lost (tiny.en drops a first word said over the partner)
    |(?<!\bdo\ )(?<!\bdid\ )\byou\ (?:really\ |just\ )?(?:want|need)\ (?:one\ of\ (?:those|them|these)|to\ get\ yourself)\b
    |\b(?:id|i\ would)\b.*\bin\ your\ (?:shoes|position|place)
    |\bwhat\ i\ would\ do|\bwhat\ id\ do
    |\b(?:i\ would|id)\ (?:just\ |probably\ |honestly\ |definitely\ |literally\ |seriously\ |totally\ |also\ |still\ |first\ )*
        (?:recommend|suggest|tell|talk|ask|call|ring|phone|contact|book|go|quit|leave|walk|move|get|take|start|stop|write|sell|report|look|try|dry|speak|text|email|block|dump|ignore|pack|find|apply|say\ no|keep|wait|sleep|put|just)
    |\bi\ (?:really\ )?(?:suggest|recommend|advise)\b|\b(?:id|i\ would)\ (?:really\ )?encourage\ you\ to\b
    |\b(?:id|i\ would)\ be\ (?:straight\ |right\ )?on\ the\ phone\ to\b
    |\b(?:id|i\ would)\ (?:already\ |honestly\ |definitely\ |probably\ |just\ )?be\ (?:(?:at|down\ at|round\ at|up\ at|over\ at)\ every\b
        |(?:going\ through|looking\ (?:for|into)|ringing|phoning|emailing|chasing|applying\ for|working\ on|booking|checking)
        \ (?!myself\b|hell\b|it\b|that\b|the\ (?:same|roof|motions)\b|a\ lot\b)\w)(?!.*\b(?:too|as\ well|if\ i\ could)$)
    |\b(?:id|i\ would)\ (?:just\ |probably\ |honestly\ |definitely\ )?have\ (?:a|another)\ (?:\w+\ )?(?:chat|word|talk|conversation)\ with\b
    |\bhave\ you\ (?:\w+\ )?(?:asked|applied)\ for\b
    |\b(?!(?:thats|its|whats|this|is|was|has)\b)\w+s\ not\ a\ bad\ idea\b|\bit\ (?:wouldnt|would\ not|might\ not|may\ not)\ be\ a\ bad\ idea\b
    |(?:^|(?<=,\ )|(?<=\band\ )|(?<=\bso\ )|(?<=\bthen\ )|(?<=\bbut\ )|(?<=\bmaybe\ )|(?<=\bperhaps\ ))you\ can\ (?:always\ |just\ |also\ )?(?:ask(?!\ me\b)|sit\ (?:down\ )?with|look\ (?:into|for)|check|tell\ (?:him|her|them|your|the|a|someone)|call(?!\ me\b)|ring(?!\ me\b)|phone(?!\ me\b)|try|put\ (?:a|an|up|in)|email|text(?!\ me\b)|book|bring|go\ (?:to|and\ see)|get\ (?:a|some|help|someone)|talk\ to(?!\ me\b)|speak\ to(?!\ me\b)|write\ to)\b
    |^(?:(?:honestly|so|well|yeah|look|and|i\ mean)\ )*i\ just\ (?:tell|ring|call|phone|ask|text|email|send|write|book|take|get|put|leave|say|go)\b(?=.*\byour\b)
    |\bwhy\ (?:dont(?!\ i\b)|not|wouldnt\ you|cant\ you)\b
    |\bhow\ about\ (?:you\b|we\b|\w+ing\b|trying|asking|talking|just)
    |\bwhat\ about\ (?:you\ (?:just\ )?\w+|\w+ing\b)
    |\bwhat\ if\ you\b|\bwhat\ if\ we\ (?:just\ |both\ |all\ )?(?:do(?!\ nothing\b)|try|go|take|call|ring|sit|make|ask|book|plan|sort|look|start|write|put|pop|drive|meet|clear)\b
    |\bhave\ you\ (?:\w+\ )?(?:tried|thought\ about|thought\ of|considered|looked\ into|checked|talked\ to\ (?:a|someone|your\ doctor))
    |\bhave\ you\ (?:\w+\ )?(?:called|rung|phoned|contacted|emailed|seen|asked|told|gone\ to|been\ to|talked\ to|spoken\ to)\ (?:a|an|the|your)\ (?:\w+\ )?{_HELP}\b
    |\bdid\ you\ (?:\w+\ )?(?:try|think\ about|consider)\b
    |\b(?:could|can)\ you\ not\ just\ \w+
    |\bcould\ you\ (?:maybe\ |just\ |not\ )?(?:ask|talk|tell(?!\ me)|try|call|ring|phone|get|take|switch|move|email|text|book|speak|say(?!\ more)|go\ to|see\ (?:a|someone|if|whether)|bring|put|write|invite|set\ up|check)\b
    |\bcan\ you\ (?:maybe|just|not)\ \w+
    |\b(?:cant|couldnt)\ you\ (?:just\ )?\w+
    |\bwould\ you\ (?:ever\ )?consider\b
    |\b(?:wouldnt|isnt)\ it\ (?:be\ )?(?:easier|better|smarter)\b
    |\bshouldnt\ you\b
    |\bbest\ (?:thing|way|move|option|bet)\ (?:(?:to|you|for\ you|right\ now|here|now)\b|(?:is|would\ be|would)\ (?:honestly\ |probably\ |just\ |really\ )*(?:be\ )?(?:to\b|just|probably|\w+ing|get|talk|ask|call|go|take|give|let|leave))
    |\b(?:smart|smartest|right)\ move\ (?:would|is)
    |\bthe\ (?:kindest|simplest|easiest|safest|fairest|wisest|smartest|healthiest)\ (?:thing|way|option|move)\ (?:(?:might|would|could)\ be|is)\ (?:just\ )?(?:to\b|\w+ing\b)
    |\b(?:it\ )?(?:might|would|could|may)\ pay\ to\b
    |\bone\ (?:thing|idea|option)\ you\ (?:might|could|can|may)\b
    |\byou\ (?:might|may)\ find\ it\ (?:easier|helps|helpful|useful|better)\b
    |\b(?:you\ know\ )?what\ (?:might|would|could|may|can)\ (?:really\ |also\ )?help\ (?:(?:here|most|you|now)\ )?(?:is\b|(?=\w+\ (?:him|her|them|it|a|an|the|your|some)\b)(?!is\b|you\b))
    |\b(?:it|that)\ (?:might|would|could|may)\ (?:really\ |also\ )?(?:help|be\ (?:really\ |so\ )?(?:good|worth|better|a\ good\ idea|smart|useful|helpful|wise))\b
    |\bit\ might\ be\ worth\b
    |\b(?:its|it\ is|its\ probably|its\ always)\ (?:better|best|smarter|a\ good\ idea)\ to\b
    |(?:^|[,.]\s*)better\ to\b
    |\bmy\ advice\b|\bthe\ (?:trick|key|secret|answer)\ (?:is|would\ be)\ (?:just\ |honestly\ |really\ )?(?:to\b|\w+ing\b)
    |^(?:(?:its|it\ might\ be|might\ be|probably)\ )?worth\ a\ (?:shot|go|try)\b
    |\ba\ good\ (?:first\ )?step\ (?:would|is|might)\b
    |\bone\ thing\ (?:that\ )?(?:(?:can|could|might|may|really|often)\ )?(?:works?|helps?|worked|helped|you\ could)\b
    |\bmake\ sure\ (?:you|to)\b
    |\bmaybe\ (?:just\ )?(?:try|you\ should|you\ could|talk|ask|tell|go|get|take|call|see|look)\b
    |\b(?:maybe|perhaps)\ you\ can\ (?:always\ |just\ |also\ )?(?!(?:see|hear|feel|tell|imagine|understand|be|have|not|never|only|still|relax|breathe|cope|manage|do\ (?:it|this|that)$)\b)\w\w
    |\bso\ you\ should\ (?:do|too)\b
    |\bwhat\ (?:i\ would|id)\ (?:\w+\ ){{0,2}}(?:think\ about|try|consider|look\ at|look\ into)\ is\b
    |\b(?:would|could|might|wouldnt)\ it\ (?:help|be\ (?:worth|better|easier|a\ good\ idea|helpful))\b(?!\ (?:you\ )?to\ {TALK_HERE})
    """
)
# Indirect suggestions: wondering aloud, other people's success, resources on offer.
ADVICE_INDIRECT = _rx(
    r"""\bi\ (?:just\ |do\ |sometimes\ )?wonder\ (?:if|whether)\b.*\b(?:worth\ (?:\w+ing|a\ (?:try|go|shot))|help|helps|helpful|good\ for\ you|do\ you\ good|easier|better\ for\ you|you\ could|you\ might)\b
    |(?<!you\ )(?<!did\ you\ )\b(?:found|finds|find)\ (?:that\ )?(?:(?!(?:anyone|anybody|someone|somebody|anything|something|nothing|nobody|no|to|who|the\ time|a\ way)\b)\w+\ ){0,6}(?:really\ |so\ |massively\ )?(?:helped|helps|help|works|worked)\b
    |\b(?:maybe|perhaps)\b.*(?<!nobody\ )(?<!no\ one\ )(?<!nothing\ )\b(?:could|might|may|would|can)\ (?:really\ |also\ |probably\ )?help\ you\b
    |\bsw(?:ears|ear|ore)\ by\b|\b(?:turned\ (?:things|it\ all|everything)\ around|work(?:s|ed)\ wonders|d(?:id|oes)\ wonders)\b |\b(?:helps|helped)\ (?:a\ lot\ of\ |lots\ of\ |loads\ of\ |some\ |many\ )?people\b
    |\b(?:ive|i\ have|i)\ (?:heard|read)\ (?:that\ )?(?:\w+\ ){1,4}(?:can|could|might|really)\ (?:be\ )?(?:good|great|helpful|help|work) |\b(?:would|might|could|will)\ do\ you\ (?:both\ |a\ lot\ of\ |some\ |the\ world\ of\ )?good\b
    |\b(?:might|would|could)\ be\ (?:easier|better|kinder|simpler|smarter|less\ stressful)\ (?:than|to|if\ you)\b |^(?:it\ )?(?:might|could|would)\ be\ worth\b|\bworth\ (?:just\ |maybe\ |really\ )\w+ing\b
    |\b(?:one|another|other)\ (?:\w+\ )?option\ (?:could|might|would)\ be\b |\b(?:thing|what)\ (?:that\ )?(?:really\ )?(?:helped|helps|work(?:s|ed)?\ for)\ (?:me|us|my\ \w+)\ (?:was|is)\b
    |\bthere(?:s|\ is|\ are)\ (?:a|an|this|some)\ (?:\w+\ ){0,2}(?:support\ group|helpline|hotline|charity|counselling\ service)s?\b
    |\b""" + _MANY + r"""\ (?:\w+\ )?\w+s\ (?:say|said|find|found|reckon)\ (?:that\ )?\w+ing\b.*\b(?:helps?|helped|works|worked|made\ (?:them|it|things|everything)|makes\ (?:them|it|things|everything))\b
    |\b""" + _MANY + r"""\ (?:people|parents|folks|couples|carers|students)\ in\ (?:your|the\ same|a\ similar)\ (?:position|situation|shoes|boat)\ (?:(?:just|often|usually|tend\ to|will)\ )?(?!(?:be|have|do|think|believe|trust|say|see|forget|accept|agree|remember|wait|keep|get|find|stay|stop|start|go)\b)(?:""" + "|".join(IMPERATIVE_VERBS) + r""")\b
    |(?<!nothing\ )(?<!never\ )\btends?\ to\ (?:really\ )?(?:help|work\ (?:well|better|wonders))\b|\bwhat\ (?:often\ |usually\ )?tends\ to\ (?:work|help)\b
    |\b""" + _MANY + r"""\ (?:\w+\ )?(?:people|\w+s)\ find\ it\ (?:easier|helps|helpful|useful|better)\ to\b|\bworks?\ (?:really\ )?well\ for\ (?:a\ lot\ of|lots\ of|loads\ of|most|many)\ (?:people|parents|folks|couples)\b
    |\b""" + _MANY + r"""\ (?:\w+\ )?\w+s\ go\ (?:to|and\ see)\ (?:their|a|an|the)\ (?:\w+\ )?""" + _HELP + r"""\b"""
)
# "you should have" is hindsight (judgment), "you should(n't) feel" is about feelings (judgment).
ADVICE_NOT = _rx(
    r"""\byou\ should\ (?:see|hear)\ (?:what|how|my|mine|the\ state)\b
    |\byou\ (?:really\ |just\ |honestly\ )?(?:should|need\ to|have\ to|ought\ to)\ (?:not\ )?(?:feel|be\ (?:upset|sad|so|that|(?:more\ )?grateful|(?:really\ |very\ |incredibly\ )?proud)|stop\ feeling|get\ over)
    |\b(?:last|worst)\ (?:person|people|one|guy|bloke|man|woman)\ (?:you|youd)\ (?:should|need|want)\b
    |\byou\ (?:really\ |just\ |honestly\ )?need\ to\ (?:relax|calm|chill|stop\ (?:feeling|being|worrying|overthinking)|toughen|man\ up|grow\ up|harden|get\ a\ grip|get\ over)"""
)

IMPERATIVE = _rx(
    r"""^(?:(?:just|maybe|honestly|seriously|then|please|simply|definitely|really|now|first|so|next\ time|from\ now\ on)\s+)*
    (?:dont\ |do\ not\ |never\ )?(?:just\ )?(?P<verb>""" + "|".join(IMPERATIVE_VERBS) + r""")\b(?P<rest>.*)$"""
)
# Imperatives that are not suggestions: invitations to keep talking, turn management, minimising.
IMPERATIVE_NOT = _rx(
    r"""^(?:just\ |so\ |please\ )*(?:
      tell\ me|say\ more|say\ (?:so|the\ word)?$|go\ on|go\ ahead|keep\ going|take\ (?:your\ time|all\ the\ time|the\ time\ you\ need)|hang\ on|hold\ on|let\ me|lets|let\ us|
      walk\ me|talk\ me|take\ me\ through|help\ me|trust\ me|believe\ me|tell\ me\ about\ it|look\ on\ the\ bright|get\ over|dont\ worry|dont\ (?:get\ (?:so\ )?(?:upset|worked\ up|stressed|angry)|stress|panic|cry)|pull\ yourself|dont\ be\ (?:so|such|silly|like)|
      be\ so\ |stop\ (?:being|feeling|worrying|stressing|crying|overthinking|whining|complaining)|give\ me|
      think\ about\ it|see\ (?:you|what|if)|make\ (?:sense|me)|go\ figure|dont\ get\ me|be\ right|
      check\ this|dont\ know|go\ with\ it|dont\ mind|keep\ me\ posted|stay\ with\ me|get\ this|look\b(?!\ for|\ into|\ after|\ up)|
      ignore\ me|forget\ (?:i\ said|what\ i\ said)|scratch\ that
    )"""
)

# --- permission -------------------------------------------------------------------------------------
_OFFER = r"(?:advice|an?\ idea|ideas|some\ ideas|suggestions?|a\ suggestion|thoughts|my\ thoughts|some\ thoughts|my\ (?:honest\ )?opinion|opinion|input|feedback|my\ take|a\ thought|my\ two\ cents|tips|some\ tips|(?:some\ )?information|(?:some\ )?strategies|you\ (?:figure|work|think)|what\ (?:i|id|i\ would)\ (?:do|think|did)|what(?:s|\ has)?\ (?:worked|helped)|some\ things|something)"
PERMISSION = _rx(
    rf"""
    \b(?:can|could|may)\ i\ (?:just\ )?(?:share|give|offer|suggest|make\ a\ suggestion|throw|add|say\ something|tell\ you\ what|tell\ you\ (?:my|something|about\ what|how\ (?:i|my|we))|
        put|pitch|float|mention|be\ honest|give\ you|ask\ if\ you|say\ what\ (?:else\ )?(?:i\ (?:think|reckon|do|would)|im\ thinking|id)\b)
    |\bmind\ if\ i\b|\b(?:would\ you\ like|do\ you\ want|you\ want)\ to\ hear\ (?:them|it|one|some|a\ few|more)\b|\bhappy\ to\ (?:share|give|offer|suggest|brainstorm|bounce\ ideas|throw\ (?:some\ )?ideas)\b|\byou(?:re|\ are)\ welcome\ to\ my\ (?:opinion|thoughts|two\ cents|advice|take)\b|\bif\ (?:thats|its|that\ would\ be|it\ would\ be)\ (?:useful|helpful)\b|\bif\ you\ (?:just\ )?(?:want|need)\ to\ vent\b|\b(?:should|shall)\ i\ (?:tell|share|give)\ you\b|\bor\ (?:should\ i\ )?just\ listen\b
    |\b(?:would|are)\ you\ (?:be\ )?interested\ in\ (?:hearing|some|any|my|a|an)\b
    |\bwould\ (?:it|that)\ (?:help|be\ (?:ok|okay|alright|all\ right|helpful|useful|cool|fine))\ if\ i\b
    |\b(?:would\ you\ like|do\ you\ want|would\ it\ help)\ (?:to\ |me\ to\ help\ you\ |us\ to\ )?(?:think|work|figure|plan|brainstorm|come\ up|look\ at|go\ through)\ (?:through\ |out\ |with\ )?(?:how|what|some|a\ few|any|options|ways|a\ plan|next\ steps)\b
    |\bwould\ (?:it|that)\ (?:help|be\ (?:helpful|useful))\ (?:you\ )?to\ hear\b|\bit\ help\ if\ i\ (?:suggest|share|offer|gave|told\ you\ what)\w*
    |\bis\ it\ (?:ok|okay|alright|all\ right|cool|fine)\ if\ i\b
    |\b(?:do\ )?you\ want\ me\ to\ (?:just\ )?listen\b|\bare\ you\ after\ (?:some\ |any\ |my\ )?{_OFFER}
    |\b(?:do\ )?you\ (?:even\ |actually\ |really\ )?(?:want|need|wanna)\ (?:to\ hear\ |to\ know\ |me\ to\ (?:tell|share|give|suggest|help)\ |(?!something\b))(?:my\ |some\ |any\ )?{_OFFER}
    |^(?:(?:so|okay|ok)\ )?want\ (?:a\ |an\ |some\ |my\ |to\ hear\ )?{_OFFER}
    |\bwould\ you\ (?:like|want|be\ open\ to)\ (?:to\ hear\ )?(?:my\ |some\ |any\ |an?\ )?{_OFFER}
    |\b(?:are|would)\ you\ (?:be\ )?(?:open|looking)\ (?:to|for)\ (?:some\ |any\ |an?\ )?{_OFFER}
    |\bor\ (?:do\ you\ )?(?:just\ )?(?:want|need)\ (?:me\ )?to\ (?:listen|vent|moan|rant|offload|have\ a\ (?:whinge|winge|moan|rant|vent)|get\ it\ off\ your\ chest)
    |\bor\ (?:just\ )?(?:someone\ to\ listen|to\ vent|vent)
    |\b(?:if|when)\ (?:you|youd|you\ would|youre|you\ are)\ (?:really\ |ever\ )?(?:want|like|wanna|interested|open|up\ for)\b(?=.*\b(?:idea|ideas|thought|thoughts|advice|suggestion|suggestions|worked|tell\ you|hear\ it|hearing\ it|two\ cents|opinion)\b)
    |\b(?:idea|ideas|thought|thoughts|advice|suggestions?|worked\ for\ (?:me|us)|things\ (?:that\ )?(?:helped|help|worked|work)\b)\b.*\b(?:if|unless|only\ if)\ (?:you|youre|youd|you\ are)\ (?:really\ |ever\ )?(?:want|like|interested|open|up\ for)
    |\bi\ (?:could|can)\ tell\ you\ what\ (?:i|id|i\ would)\b.*\bif\ (?:that|it)\ (?:helps|would\ help)\b
    |\blet\ me\ know\ if\ you\ (?:want|would\ like|need)\ (?:any\ |some\ )?(?:ideas|advice|suggestions|help|thoughts)
    |\bunless\ you\ want\ (?:it|them|some|advice)
    |\b(?:have|got)\ (?:a\ |an\ |some\ |one\ |a\ couple\ of\ |a\ few\ )?(?:suggestion|idea|thought)s?\b(?=.*\b(?:but\ i\ dont\ want\ to|if\ you\ (?:just\ )?(?:need|want)\ to\ (?:talk|vent))\b)
    |\bi(?:m|\ am)\ wondering\ (?:if|whether)\ (?:you|youd|you\ would)\ (?:be\ )?(?:open|up\ for|interested)\b
    """
)

# "Do it." / "just do that, then": urging a course of action, not the start of a question.
DO_IT = r"(?:do\ (?:it|that|this|the\ same)(?:\ for\ (?:yourself|you|her|him|them))?(?:\ (?:now|today|tonight|anyway|already|then))?$)"

# --- questions ---------------------------------------------------------------------------------
# A trailing tag ("right?", "no?") does not turn a statement into a question.
TAG = re.compile(
    r"(?:,\s*(?:right|no|yeah|yes|huh|eh|dont you think|or not|you know|ok|okay)|"
    r"\s+(?:right|dont you think|or not))\s*\??\s*$"
)
# "Do it." urges; it does not ask.
CLOSED_START = _rx(rf"^(?!(?:have|do)\ (?:a|an)\ (?!lot\b|few\b|couple\b|bit\b))(?!{DO_IT})(?:{AUX})\s+(?:not\s+)?{SUBJ}\b")
CLOSED_MID = _rx(
    r"""\b(?<!would\ )(?<!might\ )(?<!could\ )(?<!will\ )(?<!\bso\ )(?<!\bneither\ )(?<!\bnor\ )(?<!\bi\ )(?<!\bit\ )(?<!\bhe\ )(?<!\bshe\ )(?<!\bthey\ )(?<!\bwe\ )(?<!\byou\ )(?:
        (?:did|do|have|can|could|will|would)\ you\b|(?:did|does|has)\ (?:he|she|they|it)\b(?!\ not\b)
        |(?:are\ you|were\ you|is\ (?:he|she|it|that|this|there|everything)|was\ (?:he|she|it|that|this|there)|were\ they|are\ they)
            \s+(?!(?:was|is|were|are|did|does|had|has|have|will|would|can|could|should|said|\w+ed)\b))\s*\w+"""
)
ELLIPTIC_CLOSED = _rx(r"^ever\ (?:thought|considered|tried|been)\b|^(?:you|u)\s+(?:okay|ok|alright|all\ right|good|sure|serious|going|coming|doing\ okay|ready|mean|still|want\ (?:my|some|a|an|to\ hear|me\ to))\b")
OPEN_START = _rx(rf"^(?:(?:in|at|for|with|from|to|about|on|by)\ )?{WH}\b")
# wh-word not followed by an inversion: a relative or exclamative clause, not a question.
WH_NOT_QUESTION = _rx(
    r"""^(?:(?:what|how)\ (?:a|an|awful|horrible|terrible|sad|hard|rough|frustrating|annoying|painful|scary|unfair|crappy|lovely|great|cool|nice|awesome)\b
    |(?:what|how|why|where|when|who|which)\ (?:i|you|he|she|we|they|it|that|this|there|youre|hes|shes|theyre|im|its|thats|my|your|his|her|their|id|youd|ive|youve|weve|theyd|hed|shed)\b(?!\ (?:doing|holding|feeling))
    |(?:why\ (?:dont|not|wouldnt\ you|cant\ you)|how\ about|what\ about|what\ if)\b
    |why\ (?:would|do|did|does|are|is)\ (?:you|anyone|anybody|someone|he|she|they|people)\ (?:even|ever)\b
    |why\ would\ you\ (?:do|say|go|let|put|even)\b
    |what\ did\ you\ expect|what\ were\ you\ (?:even\ )?thinking|whats\ the\ big\ deal|how\ could\ you\ (?:not|even|possibly)|why\ (?:didnt|couldnt)\ you\ just|why\ on\ earth
    |who\ (?:knows|cares|(?:even\ )?(?:does|would\ do|says)\ (?:that|this|stuff\ like\ that))|whats\ the\ point
    |(?:what|how|why)\ (?:else\ )?(?:am|was|do|did)\ i\ (?:supposed|meant|even|gonna|thinking|always|ever)|what\ was\ that$
    |why\ does\ this\ always
    |who\ (?:wouldnt|would\ not|wouldve|would\ have|doesnt|isnt|hasnt)\b
    |who\ (?:in\ their\ right\ mind|on\ earth)\b
    |(?:what|how)\ can\ you\ do\b(?!\ to|\ about)
    |for\ what\ its\ worth\b
    )"""
)
WH_MID_QUESTION = _rx(rf"(?<!\bknow\ )(?<!\bwonder\ )(?<!\bsee\ )(?<!\bis\ )(?<!\bme\ )(?<!\bdont\ )\b(?!why\ (?:dont|cant|wouldnt|couldnt)\b){WH}\s+{AUX}\s+(?:you|he|she|they|it|that|we)\b")
OPEN_INVITE = _rx(
    r"""(?:^|\b(?:can|could|would|will)\ you\ )(?:please\ )?(?:tell\ me\ (?:(?:a\ (?:bit|little)\ )?more|about(?!\ it\b)|what|how|why|everything|whats|hows)|say\ (?:a\ (?:bit|little)\ )?more|
    talk\ (?:to\ me\ )?(?:more\ )?about|describe|explain)
    |^(?:please\ )?(?:help\ me\ understand|(?:walk|talk|take)\ me\ through|fill\ me\ in)
    |^(?:and\ )?then\ what\b|^like\ what\b(?!\ (?:i|id|youd|you|youve|he|she|we|they|theyd)\b)|^such\ as\b|^meaning\ what\b
    |\bi(?:m|\ am)\ (?:really\ |just\ |so\ )?curious\ (?:about\ )?(?:what|how|why)\b
    |\bi\ (?:wonder|m\ curious|am\ curious|d\ love\ to\ know)\ (?:what|how|why)\ (?:that|it)\ (?:was|felt|is)\ (?:like\ )?for\ you"""
)
OPEN_BARE = re.compile(r"^(?:and\s+)?then(?:\s+what)?\s*$")

# --- reflection ---------------------------------------------------------------------------------
# A wh-cleft ("what bothers you is…") reflects when it is about the partner or how something feels.
CLEFT_ABOUT_YOU = _rx(
    r"""\b(?:you|youre|youve|your)\b(?!\ (?:need\ to|should|have\ to|ought|gotta|want\ to\ do|wanna\ do))
    |\b(?:hurts|hurt|bothers|scares|worries|upsets|matters|stings|kills|annoys|gets\ (?:to|bad|hard|worse)|frustrates|hardest|worst)\b"""
)
# "you feel" inside a question or someone else's clause ("how did that make you feel") is no reflection.
_NB = r"(?<!before\ )(?<!until\ )(?<!till\ )(?<!once\ )(?<!unless\ )(?<!much\ )(?<!her\ that\ )(?<!him\ that\ )(?<!them\ that\ )(?<!make\ )(?<!made\ )(?<!makes\ )(?<!making\ )(?<!how\ )(?<!do\ )(?<!did\ )(?<!does\ )(?<!what\ )(?<!if\ )(?<!course\ )(?<!wonder\ )(?<!why\ )(?<!when\ )(?<!whether\ )(?<!are\ )(?<!were\ )(?<!have\ )(?<!him\ )(?<!her\ )(?<!them\ )(?<!say\ )(?<!sense\ that\ )(?<!sense\ )"
REFLECTION = _rx(
    rf"""
    (?:^|\bit\ |\bso\ |\band\ |\bbut\ |\bokay\ |\bok\ |\byeah\ |\boh\ |,\ |\bhonestly\ |\bwell\ |\bjust\ |\breally\ |\bmm\ )(?:sounds|seems|looks)\ (?:like|as\ if|as\ though)\b(?!\ (?:a|an|hell|fun|so\ much)\b)
    |(?:^|\bit\ )feels\ like\ (?:you|youre|youve|your|nobody|no\ one|everyone)\b
    |^so\ (?:nobody|no\ one|everyone|everybody)(?:s|\ is|\ has|\ was)?\ (?:\w+\ ){{0,4}}(?:you|your)\b
    |(?<!\bhas\ )(?<!\bhave\ )\b(?:its|it\ has|it)\ (?:all\ )?been\ (?:\w+ing|getting\ to)\b(?:\ \w+){{0,3}}\ (?:you|up|on\ you)\b
    |\byou\ (?:seem|sound)\b
    |\b(?:its|it\ is|its\ almost)\ like\ (?:you|youre|youve|your|nobody|no\ one|everyone)\b
    |\bso\ (?:its|it\ is|it\ was|thats|it\ felt|it\ feels)\ (?:not|more|really|about|all|like|less|kind|sort|basically|the)\b|\b(?:getting|got|gets)\ to\ you\b
    |\bwhat\ (?:im|i\ am)\ hearing\b|\bif\ i\ (?:understand|get|got|hear|heard)\ (?:you|this|that|it|correctly)\b|\bif\ im\ (?:getting|hearing|understanding)\b
    |\bwhat\ you(?:re|\ are)\ (?:saying|telling\ me)\b|\byou(?:re|\ are)\ (?:\w+\ )?(?:saying|telling\ me)\b
    |\bon\ (?:the\ )?one\ hand\b|\bpart\ of\ you\b|\bthe\ (?:bit|part|thing)\ that\ (?:really\ |most\ |actually\ )?(?:hurts|stings|gets\ to\ you|bothers\ you|upsets\ you|gets\ you)\b
    |\b{_NB}you\ must\ (?:have\ )?(?:really\ |so\ |still\ )?(?:felt|feel|be|been|have\ been|miss|hate|love|want|wish)\b
    |\b{_NB}you(?:ve|\ have)\ been\ (?!there\b)
    |\b{_NB}you(?:re|\ are)\ (?:feeling|worried|scared|afraid|not\ sure|unsure|tired|sick\ of|fed\ up|frustrated|angry|hurt|exhausted|torn|stuck|overwhelmed|proud|questioning|wondering|hoping|the\ one)\b
    |\b{_NB}you\ (?:feel|felt|wish|wished|miss|missed)\b
    |(?<!\bwhat\ )(?<!\bwhat\ really\ )(?<!\bmuch\ she\ )(?<!\bmuch\ he\ )(?<!\bmuch\ it\ )(?<!\bmuch\ this\ )(?<!\bmuch\ that\ )\bmatter(?:s|ed)\ (?:so\ much\ |a\ lot\ |a\ great\ deal\ |deeply\ )?to\ you\b
    |\bi\ (?:get|have)\ (?:the\ |a\ )?(?:sense|feeling|impression)\ (?:that\ )?(?:you|youre|youve|your)\b|\bim\ guessing\ (?:that\ )?you |\blet\ me\ (?:see\ if|check|make\ sure)\ (?:i|ive)\ (?:got|get|understand|heard)\b|\bunder\ your\ skin\b
    """
)
# Second-person statements at the start of a clause that reflect (complex reflections without a cue).
REFLECT_YOU = _rx(
    r"""^(?:so\ |and\ |basically\ |really\ |kind\ of\ |sort\ of\ |i\ guess\ |i\ think\ )*(?:you|youre|youve|youd\ (?:rather|like|love|prefer|hoped|want))\b
    (?!\ (?:know|mean|okay|ok|alright|good|sure|going|coming|ready|guys|too|and\ me|two|wanna|poor|never\ know|have\ no\ idea|no\ idea|didnt\ deserve|dont\ deserve|still\ \w+ing|did\ (?:the\ best|what|everything|all)\ (?:\w+\ )?you\ (?:could|can)|(?:dont|wont|wouldnt)\ (?:have|need)\ to|(?:are\ )?not\ (?:overreacting|crazy|mad|stupid|silly|wrong|imagining|being|alone|the\ only|the\ (?:bad\ guy|baddie|villain|problem))|(?:cant|cannot|can\ not)\ just)\b)
    (?!\ (?:really\ |just\ |definitely\ |probably\ |honestly\ |still\ |kind\ of\ |sort\ of\ |kinda\ )*(?:should|shall|need|have\ to|gotta|got\ to|ought|could|can\b|might|may|had\ better|better|must\ be\ joking|will|ll|re\ going\ to\ be\ fine|always\ do|brought|asked\ for|always\ make
           |(?:want|need)\ (?:one\ of\ (?:those|them|these)|to\ get\ yourself)))
    (?!(?<=youd\ want)\ to\ (?:get|go|try|talk|call|ring|phone|see|ask|take|make|book|check|stop|start|lock|put|sort)\b)  # "you'd want to get it booked": advice"""
)
# "…, so you don't bottle it": after a suggestion, the purpose it serves, not the partner's state.
PURPOSE = r"\bso\ (?:that\ )?(?=you\ (?:dont|wont|can|cant|could|arent|have|get|know|feel)\b|youre\ not\b)"

# --- validation -----------------------------------------------------------------------------------
_HARD = (
    r"(?:hard|awful|terrible|horrible|rough|tough|unfair|not\ fair|frustrating|exhausting|scary|frightening|painful|difficult|brutal|"
    r"crappy|crap|shitty|stressful|heartbreaking|heartbreak|upsetting|overwhelming|devastating|infuriating|maddening|annoying|sad|"
    r"the\ worst|a\ lot|so\ much|a\ nightmare|hell|lonely|isolating|disappointing|hurtful|unbearable|messed\ up|"
    r"understandable|completely\ understandable|valid|natural|normal|a\ lot\ to\ (?:carry|deal\ with|handle|take\ in))"
)
VALIDATION = _rx(
    rf"""
    \byou\ (?:should|can|ought\ to)\ (?:really\ |honestly\ )?be\ (?:really\ |so\ |very\ |incredibly\ )?proud\b
    |\b(?:you\ )?poor\ (?:thing|love|lamb|darling|pet)\b|^been\ there\b
    |\b(?:thats|its|that\ is|it\ is|this\ is)\ not\ (?:a\ )?(?:sign\ of\ )?(?:weakness|being\ weak)\b|\bisnt\ (?:weak|weakness)\b|\b(?:its|thats)\ (?:only\ |just\ )?human\b
    |\b(?:was|were)\ (?:absolutely\ |definitely\ |totally\ |so\ )?the\ right\ (?:call|thing(?:\ to\ do)?|decision|choice)\b
    |\b(?:are|is)\ (?:so\ |completely\ |totally\ |perfectly\ |all\ )?valid\b
    |\bi\ (?:totally\ |really\ |completely\ )?know\ (?:exactly\ )?how\ (?:that|it)\ feels\b
    |\byou\ did\ (?:the\ best|what|everything|all)\ (?:\w+\ )?you\ (?:could|can)\b
    |\b(?:thats|that\ is|that\ was|that\ sounds|that\ seems|that\ feels|that\ must|that\ would|thats\ been|this\ is|this\ sounds|this\ must)\ (?:(?:all|really|so|just|genuinely|pretty|incredibly|super|honestly|completely|totally|such|a|an|like|thats|truly|seriously|actually|absolutely|definitely|kind\ of|very|is|be|have|been|situation|thing|to\ go\ through)\ ){{0,6}}{_HARD}\b
    |\b(?:it|that)\ (?:must|sounds|seems)\ (?:(?:really|so|just|pretty|incredibly|honestly|have|been|be)\ ){{0,3}}{_HARD}\b
    |^(?:it\ )?sounds\ (?:(?:really|so|pretty|just)\ )?{_HARD}\b
    |\bthat\ (?:must\ have\ |must\ |would\ have\ )?(?:hurt|stung|sucked|sucks|stinks)\b|^sucks\b
    |\b(?:that\ |it\ )?(?:totally\ |completely\ |really\ )?makes\ (?:(?:total|complete|perfect|so\ much|a\ lot\ of|such)\ )?sense\b
    |\bno\ wonder\b|\bof\ course\ (?:you|youre|youd|youve|it|thats)\b|\b(?:anyone|anybody|everyone|most\ people|a\ lot\ of\ people|lots\ of\ people)\ (?:would|in\ your)\b
    |\b(?:i|id|i\ would)\ (?:be|feel|have\ been)\ (?:\w+\ ){{0,2}}(?:too|as\ well)\b|\bid\ feel\ the\ same\b
    |\b(?:its|it\ is|thats)\ (?:completely\ |totally\ |perfectly\ |so\ |really\ )?(?:ok|okay|alright|all\ right|normal|natural|understandable|fine)\ (?:to\ (?:feel|be|cry|want|not)|that\ (?:you|youd|youre|youve)|you|youd|youre)\b
    |\bnot\ (?:\w+\ )?your\ fault\b
    |(?<!\bso\ )(?<!\bthat\ )(?<!\bif\ )(?<!\bwhen\ )\byou(?:re|\ are)\ (?:really\ |definitely\ |honestly\ )?not\ (?:alone|the\ only\ (?:one|person))\b
    |\b(?:your|those|these)\ (?:feelings|reaction|emotions)\b.*\b(?:valid|sense|understandable|natural|normal)\b
    |\b(?:im|i\ am)\ (?:so\ |really\ |very\ |truly\ )?sorry\b|^so\ sorry\b
    |\bi\ (?:can|could)\ (?:totally\ |really\ |completely\ )?(?:see|understand)\ why\b|\bi\ (?:totally\ |completely\ |really\ )?get\ (?:it|why|that)\b|^i\ understand\b
    |\bi\ (?:cant|can\ not|cannot)\ (?:even\ )?imagine\b
    |(?:^|,\ )(?:how|what\ a|what\ an|such\ a)\ (?:\w+\ )?(?:awful|horrible|terrible|hard|sad|rough|painful|scary|unfair|nightmare|crappy|horrendous|brutal|shitty|frustrating)\b
    |\bwhat\ a\ (?:\w+\ )?(?:awful|horrible|terrible|hard|rough|painful|scary|nightmare|crappy|brutal|shitty)\b
    |^oh\ no\b|^oof\b|^yikes\b|\bthat\ would\ (?:wreck|destroy|kill|break|crush|devastate|gut)\ me\b|^(?:totally|completely|perfectly|very|so)?\s?understandable\b
    |\b(?:stress|upset|annoy|hurt|scare|frustrate|break|drive)\ anyone\b|\bwould\ make\ (?:me|anyone)\ (?:\w+\ )?(?:angry|mad|upset|furious|sad|crazy|nervous|cry|scream)\b
    |\byoud\ (?:obviously\ |naturally\ )?be\ (?:\w+\ )?(?:annoyed|upset|angry|hurt|mad|frustrated|sad|scared)\b
    |\byou\ (?:didnt|dont)\ deserve\b
    |\bi\ know\ (?:exactly\ |just\ )?how\ you\ feel\b
    |\btook\ (?:a\ lot\ of\ |real\ |so\ much\ )?(?:courage|guts|strength)\b
    |\bthats\ (?:a\ lot|so\ much)\b|\bthats\ (?:\w+\ )?(?:rotten|bad|hard|rough|tough)\ luck\b
    |\byou(?:re|\ are)\ not\ (?:overreacting|crazy|mad|stupid|silly|wrong\ to|imagining|being\ (?:dramatic|silly|unreasonable|paranoid)|the\ (?:bad\ guy|baddie|villain|problem|one\ in\ the\ wrong|selfish\ one|crazy\ one))\b |\b(?:and|but)\ (?:thats|that\ is|its)\ (?:totally\ |completely\ |perfectly\ |really\ )?(?:ok|okay|alright|all\ right|fine|normal|understandable|valid)\s*$
    |^(?:no,?\ )?not\ (?:stupid|silly|dumb|daft|crazy|weird|selfish)\ at\ all\b
    |^(?:thats|that\ is|its|it\ is)\ (?:totally\ |completely\ |perfectly\ |so\ |more\ than\ )?fair(?:\ enough)?(?:,|$)
    |\b(?:nothing|isnt\ anything|not\ anything)\ (?:\w+\ )?(?:wrong|weird|strange|odd|silly|stupid|shameful|embarrassing|unusual|crazy)\ (?:about|with|in)\b
    |\b(?:understandable|normal|natural|human|fair|reasonable|legitimate)\ (?:to|that\ you)\ (?:\w+\ )?(?:feel|be|want|need|grieve|miss|cry|struggle|worry|wobble|doubt|get|find|have)\b
    |\b(?:every|a|all\ the)\ right\ to\ (?:be|feel)\b
    |^(?:i\ mean\ |honestly\ |but\ )?who\ (?:wouldnt|would\ not|wouldve|would\ have|doesnt|isnt|hasnt)\b
    |\b(?:anyone|anybody|everyone|most\ people|a\ lot\ of\ people|lots\ of\ people)\ (?:wouldve|would\ have)\b
    |\b(?:its|it\ has|this\ has|thats|that\ has)\ been\ (?:(?:such|so|really|quite|genuinely|a|an)\ ){{0,3}}(?:a\ lot|so\ much|hard|tough|rough|brutal|awful|nightmare|exhausting|heavy|draining|horrible|difficult)\b
    |\b(?:so|really|incredibly|very|pretty|seriously|super)\ (?:brave|courageous|strong)\b|\bthats\ (?:\w+\ )?(?:brave|courageous)\b
    |\b(?:good|well\ done|fair\ play|props|kudos|hats\ off)\ (?:on|to)\ you\b|^well\ done\b
    |\bshows\ (?:real\ |a\ lot\ of\ |such\ |so\ much\ |genuine\ )?(?:resilience|strength|courage|character|maturity|guts)\b|\bcounts\ for\ (?:a\ lot|something|so\ much)\b
    """
)
# A bad way to handle people is the handlers' doing ("a terrible way for management to handle it"); a
# terrible way to find out is what the partner went through.
_BAD_HANDLING = r"(?:terrible|awful|appalling|horrible|shocking|disgraceful|dreadful|lousy|rubbish|crap|shitty|cruel|cowardly)\ way\ (?:for\ (?:\w+\ ){1,3})?to\ (?:handle|treat|deal\ with|run|manage|speak\ to|talk\ to)\b"
VALIDATION_NOT = _rx(rf"\b(?:not\ that\ (?:bad|hard)|not\ a\ big\ deal|its\ normal(?=.*\beveryone\b)|(?:awful|terrible|horrible)\ (?:management|leadership|parenting|behaviou?r)|{_BAD_HANDLING})")

# --- self-focus -------------------------------------------------------------------------------
SELF_FOCUS = _rx(
    r"""
    \breminds?\ me\b|^me\ too\b|^been\ there\b|\bme\ too\b(?=.*\bi\b)|^(?:same|same\ here|samesies)\b
    |\b(?:the\ )?same\ (?:thing\ )?happened\ (?:to|with)\ me\b|\bhappened\ to\ me\b|\bwhat\ happened\ with\ me\b
    |\bi\ (?:had|went\ through|have\ been\ through|ve\ been\ through|experienced|dealt\ with|felt)\ (?:\w+\ ){0,2}(?:the\ same|that\ (?:too|with|once)|this\ (?:too|with)|something\ similar|exactly)
    |\bi\ (?:\w+\ )?(?:had|went\ through|felt|did|got)\ (?:\w+\ ){0,3}same\ (?:thing|problem|issue|situation|feeling|way)\b
    |\b(?:i|ive)\ (?:had|have\ had)\ (?:a|the\ exact|the\ same|that|this)\b(?=.*\b(?:too|same|like\ that|exactly)\b)
    |\b(?:ive|i\ have)\ (?:totally\ |definitely\ |so\ |also\ )?been\ there\b(?=\s*(?:too|myself|honestly|so|with|before|,|[.!]|$))|\bi\ know\ the\ feeling\b|\bi\ was\ (?:just\ )?like\ that\b|\bi\ know\ exactly\b.*\b(?:my|i)\b
    |\b(?:when|back\ when)\ i\ (?:was|went|had|lost|moved|got|did|started|left|broke)\b
    |\bi\ (?:remember|recall)\ (?:when|how)\ i\b
    |\bmy\ (?:mom|mum|dad|sister|brother|ex|friend|boss|roommate|flatmate|landlord|wife|husband|partner|boyfriend|girlfriend|kid|son|daughter|cousin|uncle|aunt|family|best\ friend|old\ boss|neighbour|neighbor)\b
        (?=.*\b(?:too|same|like\ that|similar|exactly|way\ worse|worse)\b)
    |\bexactly\ like\ (?:my|me|what\ i)\b|\bthats\ (?:so\ )?me\b|\b(?:im|i\ am)\ the\ same\b|\bsame\ with\ me\b
    |\bin\ my\ (?:own\ )?(?:life|experience|case)\b|\bi\ had\ a\ client\b|^speaking\ of\b|^anyway\ i\b|\bi\ got\ promoted\b
    |\bwait\ (?:till|until|til)\ you\ hear\b|\bmy\ own\ (?:stuff|problems|issues|week|situation)\b
    |\b(?:ive|i\ have)\ had\ (?:the\ worst|such\ a|a\ (?:rough|crazy|long|bad))\b|\bi\ had\ the\ craziest\b
    |\bthe\ same\ when\ (?:i|my)\b
    |\b(?:i|ive|i\ have)\ (?:\w+\ )?(?:got|get|have|do|used\ to\ have)\ (?:\w+\ ){0,3}same\ (?:thing|problem|issue|situation|feeling|way)\b
    |\bhappened\ (?:to|with)\ (?:me|my)\b|^tell\ me\ about\ it\b|\bdont\ get\ me\ started\b|\b(?:did|does|said)\ to\ me\b
    |\bwhen\ my\ \w+(?:\ \w+)?\ (?:was|were|got|died|passed|left|had)\b(?=.*\bi\b)|\b(?:this|one)\ (?:one\ )?time\ i\b |\b(?:thats|its)\ (?:just\ |exactly\ )?like\ me\ and\b|\blike\ i\ (?:was|did|had|used\ to)\b
    |\b(?:thing|what)\ (?:that\ )?(?:really\ )?(?:helped|helps|work(?:s|ed)?\ for)\ (?:me|us)\ (?:was|is)\b
    """
)

# Run per clause, after the lead words are stripped: "funny, I was just thinking about quitting too".
SELF_TOO = _rx(r"^(?:i|ive|im|i\ have|i\ was|i\ am|i\ also|i\ used\ to|my\ \w+(?:\ \w+)?)\b(?!\ (?:would|could)\b).*\b(?:too|as\ well|either)$")

# --- judgment -----------------------------------------------------------------------------------
# Names for the partner or the people in their story: the listener judging, not listening.
INSULT = (
    r"(?:nightmare|piece\ of\ work|narcissist|jerk|idiot|moron|prick|arse|ass|asshole|arsehole|dick|tool|muppet|"
    r"control\ freak|bully|creep|snake|manipulator|psycho|child|baby|brat|loser|liar|cheat|monster|drama\ queen|"
    r"doormat|pushover|coward|hypocrite|user|leech|nutter|lunatic|clown|waste\ of\ space|snob|know\ it\ all|"
    r"witch|crook|slob|sleazebag|creep|worm|weasel|git|cow|goat|freeloaders?|losers?|idiots?|jerks?|bully|"
    r"red\ flag|walking\ red\ flag|dinosaur|snake\ in\ the\ grass|bunch\ of\ \w+)"
)
# Adjectives that, said of a person, judge them.
INSULT_ADJ = (
    r"(?:incompetent|useless|lazy|selfish|spineless|pathetic|arrogant|clueless|spoilt|spoiled|thick|stupid|"
    r"dim|rude|nasty|vile|toxic|two\ faced|self\ centred|self\ centered|entitled|petty|immature|ridiculous|"
    r"insufferable|unbearable|awful\ person|horrible\ person)"
)
# "You should have seen her face" tells a story: hindsight in form, but nobody is blamed.
_SEEN_IT = r"(?:seen|heard|watched)\ (?:her|him|his|them|their|the|my|our|how|what|it\ all)\b|been\ there\b"
STORY_SHOULD_HAVE = _rx(rf"\byou\ (?:shouldve|should\ have|should\ of)\ (?:{_SEEN_IT})")
JUDGMENT = _rx(
    rf"""
    \bexaggerat(?:ing|e)\b|\bdrama\ queen\b|\bcry\ ?baby\b|\bsnowflake\b|\b(?:toughen|man|grow|harden)\ up\b|\bget\ a\ grip\b|\bget\ over\ yourself\b
    |\b(?:last|worst)\ (?:person|people|guy|bloke|man|woman)\ (?:you|youd|anyone)\ (?:should|would|want\ to)\ (?:be\ )?(?:\w+ing|ask|take|listen|trust)\b
    |\bhardly\ the\ (?:worst|end)\b|\bnot\ the\ worst\ thing\b|\bcatastrophi[sz]ing\b|\bmaking\ excuses\b
    |\b(?:its|it\ is)\ not\ like\ (?:he|she|they|you|it|its|thats|anyone|someone|somebody|anybody)\b
    |(?<!not\ )(?<!\bim\ )(?<!\bi\ am\ )(?<!\bi\ was\ )(?<!\bam\ i\ )(?<!\bim\ probably\ )(?<!\bim\ just\ )(?<!\bmaybe\ im\ )\bover(?:reacting|react|reaction|thinking\ (?:it|this|things)|thinking|dramati[sz]ing)\b
    |\b(?:too|so|overly|oversensitive)\ (?:sensitive|dramatic|emotional|touchy|harsh)\b|(?<!not\ )\bbeing\ (?:a\ bit\ |so\ |kind\ of\ |really\ )?(?:dramatic|sensitive|harsh|silly|ridiculous|childish|paranoid|unreasonable|precious|a\ baby)\b|\b(?:dont|stop)\ be(?:ing)?\ (?:so|such)\b
    |\b(?:not|no)\ (?:that\ |such\ |a\ )?(?:a\ )?big\ (?:a\ )?deal\b|\bnot\ that\ (?:bad|deep|serious|big)\b|\breally\ not\ that\b
    |\bmaking\ (?:a\ big\ deal|this|it|such\ a)\b.*\b(?:bigger|nothing|big\ deal|out\ of)\b|\bblowing\ (?:this|it|things)\b|\bmountain\ out\ of\b
    |\bat\ least\ (?:you|your|youre|youve|it|its|he|hes|she|shes|they|theyre|that|thats|this|there|theres|we|nobody|no\ one|the)\b(?!\ (?:\w+\ )?(?:times?|hours?|minutes?|days?|weeks?|months?|years?|people))
    |\byou\ (?:shouldnt|should\ not)\ (?:feel|be\ (?:upset|sad|so|that|angry|mad))\b|\bshould(?:nt)?\ (?:feel|be\ upset|be\ sad)\ (?:like\ )?that\ way\b
    |\byou\ (?:really\ |honestly\ |just\ |probably\ )?(?:shouldve|should\ have|should\ of)\ (?!{_SEEN_IT})
    |\byou\ (?:shouldnt|should\ not)\ have\b|\bknown\ better\b|\byou\ (?:really\ )?ought\ to\ have\ (?:\w+ed|done|seen|been|gone|told|said|thought)\b
    |\b(?:could|it\ could|things\ could)\ (?:always\ )?(?:be|have\ been)\ (?:a\ lot\ |way\ |much\ |so\ much\ )?worse\b
    |\bnot\b.{{0,12}}\bthe\ end\ of\ the\ world\b|\b(?:thats|such\ is)\ life\b|\bit\ is\ what\ it\ is\b|\beverything\ happens\ for\ a\ reason\b|\bbright\ side\b|\bcheer\ up\b|\bcalm\ down\b|^relax\b
    |\bget\ over\ it\b|\bdont\ worry\b|\b(?:youll|you\ will)\ be\ (?:fine|ok|okay|alright)\b|\b(?:itll|it\ will)\ be\ (?:fine|ok|okay)\b
    |\b(?:its|it\ is|thats)\ (?:just|only)\ (?:(?:a|one)\ (?:job|game|test|exam|party|guy|girl|night|day|grade|breakup)|money|stuff|work|school)\b
    |\b(?<!not\ )(?<!isnt\ )(?<!wasnt\ )(?<!not\ really\ )(?<!was\ it\ )(?<!is\ it\ )(?:your|youre)\ (?:own\ )?fault\b|\bthats\ (?:kind\ of\ |sort\ of\ |a\ bit\ |all\ |totally\ |really\ )?on\ you\b|\b(?:brought|bring|brings|bringing)\ (?:this|it|that)\ on\ yourself\b|\basked\ for\ it\b
    |\bwhat\ did\ you\ expect\b|\bwhy\ would\ you\ (?:even\b|ever\b|do\b|say\b|go\b|let\b|put\b|bother\b)|\byou\ always\ do\ this\b|\bthats\ (?:silly|stupid|ridiculous|nothing)\b|\bits\ nothing\b
    |\b(?:everyone|everybody)\ (?:feels|goes\ through|gets|has)\b|\bpeople\ get\ \w+\ all\ the\ time\b|\bfeeling\ sorry\ for\ yourself\b
    |\bstop\ (?:worrying|stressing|whining|complaining|crying)\b
    |\byou\ (?:\w+\ )?(?:worry|stress|care|think|overthink|complain|whine|read\ into\ things)\ (?:way\ |far\ )?too\ much\b
    |^oh\ please\b|\bdidnt\ mean\ it\ like\ that\b|\bthats\ (?:\w+\ ){{0,2}}(?:petty|childish|immature|selfish|a\ bit\ much)\b
    |\bworse\ off\ than\ you\b|\bhave\ it\ (?:way\ |much\ |a\ lot\ )?worse\b
    |\b(?:mine|ours|theirs)\ (?:was|were|is|are)\ (?:\w+\ )?worse\b|\b(?:dealt\ with|been\ through|gone\ through|seen)\ (?:far|way|much|a\ lot)\ worse\b
    |\bhad\ (?:the\ same(?:\ \w+){{0,2}}|that\ too|it\ too|this\ too)\ and\ (?:hes|shes|theyre|he\ is|she\ is|they\ are|he\ was|she\ was|they\ were)\ (?:totally\ |perfectly\ |completely\ |absolutely\ |just\ )?(?:fine|ok|okay|alright|all\ right)\b
    |\byou\ (?:really\ |just\ |honestly\ )?(?:need\ to|have\ to|gotta|should)\ (?:relax|calm\ down|get\ over\ (?:it|him|her|them|yourself))\b |\bdont\ (?:stress|panic|fret|cry\ over|get\ (?:so\ )?(?:upset|worked\ up|stressed|emotional))\b|(?<!think\ )(?<!hope\ )(?<!if\ )(?<!whether\ )(?<!sure\ )(?<!know\ )\b(?:itll|it\ will|its\ all\ going\ to|everything\ will|everythingll)\ (?:all\ )?work\ (?:itself\ )?out\b|\bpull\ yourself\ together\b|\bchin\ up\b|\bdont\ (?:go\ )?(?:beat|beating)\ yourself\ up\b|\bshe(?:ll|\ will)\ be\ right\b|\bworse\ things\ happen\b|\bsnap\ out\ of\ it\b
    |\bwhat\ were\ you\ (?:even\ |actually\ )?thinking\b|\bwhats\ the\ big\ deal\b|\bhow\ could\ you\ (?:not|even|possibly|be\ so)\b|\bwhy\ (?:didnt|couldnt)\ you\ just\b |\bwhy\ on\ earth\b|\bnot\ as\ bad\ as\ (?:it|you|that)\ (?:looks|seems|sounds|think|feels)\b|\bkick\ up\ the\ (?:backside|arse|ass|bum|pants|butt)\b|\bwhats\ the\ point\ (?:of|in)\ (?:getting|being|feeling|crying|worrying|stressing)\b|\bover\ the\ top\b
    |\b(?:do|did)\ you\ (?:really|honestly|seriously|actually)\ think\b.*\b(?:helps?|will\ (?:help|change|fix))\b |\byou\ (?:really\ |just\ )?(?:couldve|could\ have)\ (?:just|at\ least|said|told|asked|called|mentioned|warned)\b
    |\b(?:(?:he|she|they|(?:your|his|her|their)\ (?:\w+\ )?\w+)\ (?:really\ |honestly\ |just\ |clearly\ )?(?:sounds?|seems?|is|are|was|were)|hes|shes|theyre)
        \ (?:being\ )?(?:like\ )?(?:a|an|such\ a|such\ an)\ (?:(?:total|complete|proper|real|absolute|right|massive|huge|bloody|utter|bit\ of\ a|little|spoiled|selfish|lazy|nasty)\ )*{INSULT}\b
    |\b(?:being|acting|behaving)\ (?:like\ )?(?:a|an|such\ a)\ (?:(?:total|complete|proper|real|absolute|right|massive|bloody|utter|bit\ of\ a|little)\ )*{INSULT}\b
    |\b(?:clearly|obviously|just)\ using\ you\b
    |\b(?:pretty|really|so|such\ a|a|bit\ of\ a|kind\ of\ a)\ (?:stupid|dumb|idiotic|pathetic|lame|ridiculous|silly|weak|flimsy|daft|foolish|reckless)\ (?:reason|thing\ to|idea|move|decision|excuse|way)\b
    |\byou\ (?:\w+\ ){{0,3}}let\ (?:him|her|them|it)\ (?:get\ away\ with|walk\ all\ over|slide)\b
    |\byou\ knew\ (?:what\ (?:he|she|they|it)\ (?:was|were|is|are)\ like|what\ you\ were\ getting\ into|(?:this|that|it)\ (?:would|was\ going\ to)\ happen)\b
    |\byou\ (?:cant|can\ not|cannot|shouldnt|should\ not)\ (?:really\ |honestly\ )?be\ (?:that\ |too\ |so\ |all\ that\ )?surprised\b
    |\b(?:thats|that\ is)\ what\ (?:happens|you\ get)\ (?:when|if)\ you\b
    |\b(?:bit|little|pretty|a\ tad)\ rich\b|\brich\ coming\ from\ you\b
    |\byou\ (?:were|are|was)\ (?:(?:a\ bit|being|kind\ of|pretty|really|quite|a\ little|way|so|too)\ )+(?:harsh|mean|rude|unfair|selfish|childish|petty|dramatic|out\ of\ line|cold|nasty|unreasonable|ott)\b
    |\bchill\ out\b|^chill\b(?!\ (?:and|with|for|at|on))
    |\b(?:that|the|this|your|his|her|their)\ (?:\w+\ ){{0,2}}(?:is|was|are|were|sounds|seems)\ (?:(?:clearly|just|honestly|frankly|such|like)\ )*(?:a|an)\ (?:(?:total|complete|proper|real|absolute|right|massive|bloody|utter|little|arrogant|selfish|spoilt|pompous|power\ tripping|old)\ )*(?!nightmare\b){INSULT}\b
    |^what\ an?\ (?:(?:total|complete|proper|real|absolute|spineless|little|arrogant)\ )*(?!nightmare\b){INSULT}\b
    |\b(?:he|she|they|(?:your|his|her|their|that|the)\ (?:\w+\ )?\w+)\ (?:is|are|was|were|sounds|seems|seem)\ (?:(?:so|really|totally|completely|utterly|just|clearly|frankly|bloody)\ )*{INSULT_ADJ}\b
    |\b(?:thats|that\ is)\ what\ you\ get\ for\b|\bmade\ your\ (?:own\ )?bed\b|\byour\ own\ worst\ enemy\b
    |\b(?:brought|bring|brings)\ (?:a\ lot\ of\ |some\ of\ |most\ of\ |all\ of\ )?(?:this|it|that)\ on\ yourself\b
    |^(?:maybe\ )?if\ you\ (?:hadnt|had|d|had\ not|werent|wasnt|didnt|actually|just)\b.*\b(?:wouldnt|wouldve|would\ not|would\ have|wont|might\ not)\b
    |\bbecause\ (?:that|this|it|\w+ing)\ (?:worked|went)\ (?:so|really)\ well\b|\bhere\ we\ go\ again\b|\bcry\ me\ a\ river\b|\bpoor\ you\b|^let\ me\ guess\b
    |^(?:oh\ )?(?:great|brilliant|wonderful|fantastic|perfect)\ another\b|\banother\ one\ of\ your\b|\b(?:such\ a|real)\ genius\ move\b
    |\bwho\ could\ have\ seen\ that\ coming\b|\bwhat\ did\ you\ (?:think|expect)\ (?:was\ going\ to|would)\ happen\b
    |^who\ (?:in\ their\ right\ mind|on\ earth)\b|^who\ \w+s\ (?:their|your|his|her)\b.*\band\ expects?\b|\bwhy\ on\ earth\ would\ you\b
    |\b(?:its|it\ is|thats)\ (?:only|just)\ (?:a|an|one)\ \w+(?:\ \w+)?(?:,|\s)+(?:not\ (?:a|an|the)\b|itll\b|it\ will\b|people\b)
    |\b(?:its|it\ is)\ (?:only|just)\ (?:a|an)\ (?:fiver|tenner|haircut|text|email|scratch|parking\ (?:ticket|fine)|birthday|quiz|b|c)\b
    |^(?:its\ )?(?:a|an)\ \w+(?:\ \w+)?,?\ not\ (?:a|an)\ (?:divorce|tragedy|funeral|disaster|crime|death|catastrophe|war)\b
    |\b(?:a\ good|real|proper|decent)\ (?:husband|wife|friend|friends|mother|father|parent|partner|daughter|son|colleague)s?\ (?:doesnt|dont|wouldnt|would\ never|never)\b
    |\bis\ never\ (?:acceptable|okay|ok|right|justified|the\ answer)\b|\b(?:is|was)\ (?:just\ )?unprofessional\b|\bend\ of\s*[.!]?$
    |\byou\ dont\ just\ (?:walk\ away|cut|leave|give\ up|quit)\b|\bstop\ moaning\b|\bworth\ this\ much\ upset\b
    |(?<!\bi\ )(?<!\bwe\ )\b(?:should|ought\ to)\ be\ (?:more\ )?grateful\b|\bwould\ be\ grateful\ just\ to\b
    |\b(?:thats|that\ is|therein\ lies)\ your\ (?:whole\ |real\ |main\ |only\ |biggest\ )?problem\b
    |\byou\ (?:do\ )?have\ a\ habit\ of\b|\byou\ (?:do|always)\ (?:tend\ to\ )?(?:wind|rub)\ (?:everyone|people)\b
    |\b(?:thats|that\ is|that\ was)\ (?:(?:so|really|pretty|absolutely|just|bloody|frankly|honestly|a\ bit|quite|utterly|completely|totally|way)\ )*(?:dismissive|cruel|heartless|callous|cowardly|disgraceful|scandalous|shameful|shameless|appalling|disgusting|pathetic|reckless|irresponsible|negligent|unforgivable|out\ of\ order|out\ of\ line|a\ disgrace)\b
    |\b(?:awful|terrible|shocking|appalling|disgraceful|incompetent|lousy|rubbish|useless)\ (?:management|leadership|parenting|behaviou?r|employers?|bosses|managers?)\b
    |\b{_BAD_HANDLING}
    |\b(?!(?:its|thats|it|that|this|life|work)\b)\w+s\ always\ been\ (?:like\ that|that\ way)\b  # "Carol's always been like that": her character, not the partner's story
    |\b(?:ought\ to|should|deserves?\ to)\ (?:all\ )?be\ (?:in\ (?:prison|jail)|locked\ up|sacked|fired|struck\ off|ashamed\ of\ (?:themselves|himself|herself|yourself))\b
    |\b(?:they|he|she|(?:those|these|the)\ (?:\w+\ )?\w+)\ (?:(?:still|just|really|honestly|clearly|obviously)\ )?(?:havent|hasnt|dont|doesnt)\ (?:got|have)\ (?:a|any)\ clue\b|\b{INSULT_ADJ},?\ (?:the|a)\ lot\ of\ (?:them|em)\b
    """
)

# --- the partner asking for advice or granting permission ------------------------------------------
ASKS_FOR_ADVICE = _rx(
    r"""
    \bwhat\ (?:should|do|can|could|would)\ i\ (?:do|say|tell|try)\b|\bwhat\ (?:would|do|should)\ you\ (?:do|suggest|recommend|say|advise|think\ i\ should)\b
    |\bwhat\ would\ you,?\ (?:have\ )?(?:do(?:ne)?,?\ )?(?:in\ my\ (?:place|shoes|position|situation)|if\ you\ were\ me)\b
    |\bhow\ (?:should|do|can|would)\ i\ (?:handle|deal|approach|tell|fix|say|get|stop|talk|go\ about)\b
    |\bwhat\ do\ you\ think\b|\bwhats\ your\ (?:take|advice|opinion)\b|\bany\ (?:ideas|advice|suggestions|tips|thoughts)\b
    |\b(?:do\ you\ have|got)\ (?:any\ )?(?:ideas|advice|suggestions|tips)\b|\b(?:give|tell)\ me\ (?:some\ )?(?:advice|ideas|what\ to\ do|what\ you\ think|what\ youd\ do)\b
    |\bi\ (?:really\ )?(?:need|could\ (?:really\ )?use|would\ love|d\ love|want|d\ like|would\ like)\ (?:some\ |your\ |an\ )?(?:advice|ideas|suggestions|help|input|opinion|take|outside\ view)\b
    |^do\ you\ think\ i\ should\b|\bshould\ (?:i|we)\b|\b(?:do\ you\ (?:reckon|think)|would\ you\ say)\ (?:i|we)\ should\b
    |^(?:yes|yeah|yep|sure|ok|okay|please|go\ on|go\ ahead|absolutely|definitely|of\ course)\b(?=.*\b(?:please|go\ ahead|tell\ me|shoot|go\ for\ it|id\ love|i\ would\ love|share|what\ you\ think|listening|suggestions?|ideas?|advice)\b)
    |^(?:go\ ahead|shoot|go\ for\ it|fire\ away|please\ do|tell\ me|i\ want\ to\ hear)\b
    |\bim\ (?:open\ to|all\ ears)\b
    """
)
# Said straight after the partner asked for advice ("Do you reckon we should?" "Yeah, I would."), a yes in
# the listener's own voice recommends; said to anything else, it only answers.
ENDORSES = _rx(
    r"""^(?:(?:yeah|yes|yep|yup|oh|honestly|definitely|absolutely|i\ think\ so|i\ reckon)[\s,.!]+)*
    (?:i\ (?:really\ |definitely\ |honestly\ |totally\ )?would|id\ (?:do\ it|go\ for\ it|say\ yes|say\ go\ for\ it)|go\ for\ it|do\ it)\b"""
)
# A bare "no" declines only as the answer to an offer ("can I share an idea?" "No."), and not one asked
# the other way round ("do you mind if I…?" "No, go ahead."). Its own short list of opening words, not
# LEAD: LEAD strips the "no" itself.
DECLINES_OFFER = _rx(
    r"""^(?:(?:honestly|well|um|oh|sorry|actually|hmm|i\ mean|to\ be\ honest|thanks|thank\ you|but)[\s,]+)*
    (?:no(?!\ way\b)|nah|nope|not\ really|not\ now|not\ yet|not\ today|maybe\ later|(?:id|i\ would)\ rather\ (?:not|you\ didnt|you\ did\ not))\b
    (?!.*\b(?:go\ ahead|please|tell\ me|shoot|go\ for\ it|i\ dont\ mind|not\ at\ all)\b)"""
)
OFFER_ASKS_IF_MINDED = _rx(r"\b(?:mind|object)\b")
ADVICE_REFUSED = _rx(
    r"""\b(?:no|nah|not)\ (?:thanks|thank\ you|right\ now)\b|\b(?:dont|do\ not)\ (?:want|need)\ (?:any\ )?(?:advice|ideas|suggestions|you\ to\ fix)\b
    |\bjust\ (?:want|need|wanted|needed)\ to\ (?:vent|moan|rant|offload|be\ (?:mad|angry|sad|upset)|get\ (?:it|this|that)\ off\ my\ chest)\b|\bdont\ tell\ me\ what\ to\ do\b|\bjust\ listen\b"""
)
