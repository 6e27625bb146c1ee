"""A fourteenth development set of practice dialogues, written on 2026-11-25 by a helper engineer who read only the data format and the label meanings (the coach may be tuned on it; dialogues_heldout.py is the set not to tune on)."""

from __future__ import annotations

from .dialogues import BC, CUT, OVER, PAUSE_BC, Dialogue, L, P

# A wife tells her husband the clinic has called her back after a mammogram.
SCAN_CALLBACK = Dialogue("fr14-scan-callback", "called back for a second breast scan", "flite:slt", "piper:joe", (
    P("So the clinic called this morning. They want me back for another scan, something on the mammogram "
      "they didn't like, and the woman was super vague about it."),
    BC("Oh no.", 0.6),
    L("What did she actually say?", "open_question"),
    P("Just that there's an area they want a closer look at."),
    PAUSE_BC("Okay."),
    P("And she said it's probably nothing, like three times, which made it worse. And the earliest "
      "they've got is the nineteenth, which is forever."),
    CUT("The nineteenth?", "closed_question", at=0.85),
    P("Almost three weeks. Jenna at work said I should call every morning and ask about cancellations, "
      "that's how she got in early.", "quotes_advice"),
    OVER("Yes, do that, call them first thing tomorrow and keep calling.", "advice", at=0.7),
    P("I mean, maybe. I don't want to be that annoying patient, you know?"),
    PAUSE_BC("Mm-hmm."),
    P("And I keep reading stuff online at two in the morning, which I know is dumb. Last night it was a "
      "whole forum thread about false alarms."),
    BC("Yeah.", 0.55),
    L("So the waiting's almost worse than the scan. Maybe plan something for the evenings, a walk, a "
      "movie, anything that isn't your phone.", "reflection", "advice"),
    P("I tried a movie last night and couldn't tell you a thing that happened in it. I read the same email "
      "four times today too."),
    CUT("Okay, then no more forums at night. The laptop stays downstairs after nine.", "advice", at=0.6),
    P("I know, I know. It's just, my aunt had this exact thing."),
    PAUSE_BC("Mm."),
    P("And hers wasn't nothing. So the probably nothing part is hard to swallow."),
    L("Of course you're scared, after your aunt, anyone would be. Write your questions down before we go, "
      "so you're not trying to remember them in that little room.", "validation", "advice"),
))

# A grown son admits to his mother that he's run up credit card debt he's been hiding from his wife.
CARD_DEBT = Dialogue("fr14-card-debt", "hidden credit card debt", "espeak:en-us+m3", "espeak:en-us+f4", (
    P("Mom, I need to tell you something, and please don't freak out. I've got, like, eleven thousand "
      "dollars on my cards, and I've kind of been hiding it from Dana for a while."),
    CUT("From Dana?", "closed_question", at=0.85),
    P("Yeah. Not lying exactly, just not mentioning it."),
    PAUSE_BC("Uh-huh."),
    P("It started when the car died last spring and I put the repair on the card. Then rent one month, "
      "then Christmas, and I figured the bonus would clear it, but they cut the bonus."),
    CUT("Why on earth didn't you come to me?", "judgment", at=0.75),
    P("Because I knew you'd say exactly that. Anyway, my buddy Marcus says I should get one of those zero "
      "percent transfer cards and move it all over.", "quotes_advice"),
    BC("Mm-hmm.", 0.65),
    L("Honestly, Marcus sounds like the last person you should be taking money tips from.", "judgment"),
    P("Okay, fair. Every time Dana brings up money I change the subject. And she's already talking about "
      "saving for a house next year."),
    CUT("You have to tell her, sweetheart. Tonight, before it gets any bigger.", "advice", at=0.65),
    P("I know I have to tell her. I'm just scared she'll look at me different."),
    PAUSE_BC("Right."),
    P("Her dad was awful with money. They lost the house when she was a kid, and she's always said that's "
      "the one thing she can't deal with."),
    BC("Oh.", 0.6),
    L("So it's not just the debt. It's what you're afraid it'll tell her about who you are.", "reflection"),
    P("Yeah. Exactly that. Grandpa used to say never borrow what you can't pay back by Friday. Super "
      "helpful now, Grandpa.", "quotes_advice"),
    OVER("Have you tried calling the card company and asking them to drop the rate?", "advice",
         "closed_question", at=0.6),
    P("No. I didn't know you could do that. What would you do, honestly, if you were me?", "asks_advice"),
    L("If it were me, I'd sit down with Dana and the actual statements, everything on the table, and make "
      "the plan together.", "advice"),
))

# Two old mates in a British pub: one fell out with his brother at Christmas.
CHRISTMAS_BROTHER = Dialogue(
    "fr14-christmas-brother", "falling-out with a brother at Christmas", "espeak:en-gb", "flite:awb", (
    P("Right, so you know Christmas was at our Steve's this year. Well, it went badly, mate. Properly badly."),
    PAUSE_BC("Yeah."),
    P("We'd all had a few, and he makes this crack about how I couldn't keep a marriage going, so why trust "
      "me with the turkey. And they all laughed, even the kids, even little Maisie."),
    CUT("Even the kids?", "closed_question", at=0.85),
    P("Even the kids. So I got my coat and walked out. Haven't spoken to him since, and that's three weeks "
      "now."),
    BC("Blimey.", 0.7),
    L("What have these three weeks been like for you?", "open_question"),
    P("Rotten, if I'm honest. Part of me's fuming, and part of me thinks maybe he's right, maybe I am the "
      "one who wrecks everything."),
    OVER("Don't be daft, you're nothing of the sort.", "judgment", at=0.7),
    P("And Mum's on the phone every night. She says I should be the bigger man and ring him, because "
      "life's too short.", "quotes_advice"),
    CUT("She's right, though. Just text him and get it over with, keep it short.", "advice", at=0.65),
    P("It's not that simple. If I text first, it's like saying what he said was fine, and it wasn't fine."),
    BC("No.", 0.6),
    L("Sounds like what really stung was him using the divorce against you, with the whole family "
      "watching.", "reflection"),
    P("Yeah. That's the bit. The laughing, more than anything."),
    PAUSE_BC("Mm."),
    P("Like I'm the family joke now. And I lie there every night rehearsing what I should've said back."),
    OVER("What I'd do is get him on his own down the pub and tell him straight that it hurt.", "advice",
         at=0.7),
    P("Maybe. Just the two of us, yeah. Not at Mum's with everyone earwigging."),
    L("And jot down what you want to say first, so you don't bottle it on the night.", "advice"),
))

# Australian flatmates: one has just heard his nan has died and the funeral is interstate.
NAN_FUNERAL = Dialogue(
    "fr14-nan-funeral", "grandmother's death and getting to the funeral", "flite:kal", "espeak:en-us+f3", (
    P("Nan died last night. Mum rang about six while I was still at work, and I just stood in the car park "
      "for ages. Didn't know what to do with myself."),
    BC("Oh, mate.", 0.55),
    L("I'm so sorry. That's an awful call to get, and at work of all places.", "validation"),
    P("Yeah. Funeral's Thursday week, up in Brisbane. And the flights are like six hundred bucks return, "
      "which I haven't got after the bond."),
    OVER("Six hundred?", "closed_question", at=0.8),
    P("Yeah, it's a joke. And my boss reckons I should just watch the livestream, says heaps of people do "
      "that now.", "quotes_advice"),
    CUT("That's rubbish, it's not the same at all.", "judgment", at=0.75),
    P("Nah, I know it's not. She basically raised me and my sister, every arvo after school."),
    PAUSE_BC("Mm-hmm."),
    P("She made us these awful devon sandwiches, and we ate them anyway, 'cause you did what Nan said. "
      "Every single time."),
    BC("Yeah.", 0.6),
    L("Tell me a bit more about her.", "open_question"),
    P("Tough as anything. Swore like a sailor. My sister reckons I should chuck the flight on the credit "
      "card, 'cause Nan would've clipped me round the ear for missing it.", "quotes_advice"),
    OVER("Yeah, listen to your sister, stick it on the card and deal with it next month.", "advice", at=0.7),
    P("Yeah, maybe. I just hate owing money, you know. But I'd hate not being there more."),
    CUT("And ask work for compassionate leave, you're entitled to a couple of days.", "advice", at=0.75),
    P("Yeah, true, I hadn't even thought of that."),
    PAUSE_BC("Right."),
    P("I think I already knew I'd go. I just needed to say it out loud to someone."),
    L("Sounds like being there for her matters more to you than the money. Book it tonight, before the "
      "fares jump.", "reflection", "advice"),
))

# Two colleagues at an American office: one was passed over for a team lead promotion.
PASSED_OVER = Dialogue("fr14-passed-over", "passed over for a promotion", "piper:joe", "flite:rms", (
    P("So they announced the team lead thing this morning. It went to Kyle. Kyle, who I literally trained "
      "on the billing system."),
    BC("Wow.", 0.75),
    L("How did you find out?", "open_question"),
    P("Group email. Not even a heads up from Linda, and I've been here six years."),
    PAUSE_BC("Jeez."),
    P("And the worst part is I asked her last fall what I needed to do, and she said just keep doing what "
      "you're doing. So I did.", "quotes_advice"),
    BC("Uh-huh.", 0.6),
    L("So you did exactly what she told you, and it still wasn't enough.", "reflection"),
    P("Yeah. It kind of feels like I was being strung along."),
    PAUSE_BC("I see."),
    P("And tomorrow I have to sit in standup and congratulate him, and smile, and act like it's fine. "
      "I don't know if I can."),
    OVER("Oh man, the exact same thing happened to me at my last job, I almost walked out that "
         "afternoon.", "self_focus", at=0.65),
    P("I mean, I've kind of been thinking about walking too. A couple of recruiters have messaged me this "
      "month."),
    CUT("Just take the calls. Set a couple up this week, seriously.", "advice", at=0.7),
    P("I don't know. I actually like the work, and most of the people. I just don't want to feel like an "
      "idiot for caring."),
    OVER("If I were you, I'd go straight to Linda tomorrow and ask her flat out why.", "advice", at=0.7),
    P("Maybe. I'd probably just get upset in front of her, though. What would you even say?",
      "asks_advice"),
    BC("Mm-hmm.", 0.5),
    L("It makes total sense you'd get upset, you care about this place. Maybe ask her to put in writing "
      "what the next step looks like for you.", "validation", "advice"),
    P("Huh. In writing. Yeah, okay, I like that."),
))

# A counselling-trainee role-play: the "client" is a mother whose fifteen-year-old has been skipping school.
TRUANT_SON = Dialogue("fr14-truant-son", "a teenage son skipping school", "espeak:en-us+f4", "espeak:en-gb", (
    P("Okay, so, um, it's my son, Tyler. He's fifteen."),
    PAUSE_BC("Mm-hmm."),
    P("The school called on Tuesday and said he's missed eleven days this term, and I had no idea. None. "
      "I drop him at the gate every morning."),
    BC("Okay.", 0.7),
    L("That must have been a real shock to hear.", "validation"),
    P("It was. I sat in the car afterwards and cried. Because I thought we were close, I thought he told "
      "me things."),
    OVER("So it's the secret that hurts, more than the skipping.", "reflection", at=0.8),
    P("And his dad, my ex, says I'm too soft and I should take his phone away until he shapes up. He said "
      "it like I'm an idiot for not thinking of it.", "quotes_advice"),
    BC("I see.", 0.6),
    L("What do you make of what he's saying?", "open_question"),
    P("I don't know. Part of me wants to. But when I tried asking Tyler about it he shut his door, and I "
      "stood in the hallway talking to the wood."),
    OVER("Have you thought about asking the school counselor to sit in on a chat with him?", "advice",
         "closed_question", at=0.75),
    P("The school actually suggested that. They said they could set up a meeting with the vice principal "
      "and Tyler and me.", "quotes_advice"),
    PAUSE_BC("Uh-huh."),
    P("I just worry he'll feel ambushed. Four adults and him in a tiny room. I wouldn't want that at "
      "fifteen."),
    BC("Right.", 0.65),
    L("Would it help to look at a few ways of raising it with him, or would you rather keep talking it "
      "through for now?", "permission", "closed_question"),
    P("Honestly, ideas would be good. I'm all out, and I keep rehearsing conversations in the shower that "
      "never happen.", "asks_advice"),
    BC("Mm.", 0.55),
    L("Something that can work with teenagers is bringing it up side by side, in the car or walking the "
      "dog, rather than face to face.", "advice"),
))

# A mentee tells his career coach his partner's new job means moving to Denver.
DENVER_MOVE = Dialogue("fr14-denver-move", "moving cities for a partner's job", "flite:awb", "flite:slt", (
    P("So what I actually wanted to talk about today isn't the project. Priya got the Denver offer, "
      "which is amazing for her, but it means leaving the team, right when I've found my feet."),
    BC("Oh, wow.", 0.45),
    L("That's a lot to land on you at once. What's coming up for you with it?", "validation",
      "open_question"),
    P("I mean, it's mixed, you know? I want to go for her, and I also feel like I'm throwing away three "
      "years of building something."),
    PAUSE_BC("Yeah."),
    P("And everyone's got an opinion. My dad keeps telling me to just ask for remote, and my old manager "
      "said I should use it as a chance to go freelance.", "quotes_advice"),
    OVER("Honestly, ask for remote. Worst they can say is no.", "advice", at=0.8),
    P("Right, but we got told in June, no more full remote, not even for senior people. Two people who "
      "moved last year had to resign."),
    BC("Oh.", 0.7),
    L("So whichever way you go, it feels like you lose something big.", "reflection"),
    P("Yeah. Exactly. And Priya keeps saying it's my call too, but her start date's February, so it's not "
      "like there's all the time in the world."),
    CUT("February? Then you've got to start applying out there now, like this week.", "closed_question",
        "advice", at=0.75),
    P("Yeah, February. So I've been up at one in the morning making spreadsheets of Denver companies."),
    PAUSE_BC("Okay."),
    P("Which is probably not healthy. And then I'm useless at work on four hours of sleep."),
    BC("Sure.", 0.6),
    L("Do you want to brainstorm some options together, or is it more useful today to just get it all "
      "out?", "permission", "closed_question"),
    P("Options, definitely. I've been going in circles on my own for two weeks.", "asks_advice"),
    BC("Mm-hmm.", 0.5),
    L("The best thing is probably a shortlist of five companies out there, and a coffee chat with someone "
      "at each before you decide anything.", "advice"),
))

# Neighbours over the fence: one is caring for her mother, whose dementia has her up at night.
MOM_NIGHTS = Dialogue("fr14-mom-nights", "caring for a mother with dementia", "espeak:en-us+f3", "flite:kal", (
    P("Sorry, I know I look like a wreck. Mom had another bad night. She was up at three trying to get out "
      "the door, because she thought she was late for work."),
    BC("Oh, gosh.", 0.6),
    L("That sounds exhausting. Is it most nights now?", "validation", "closed_question"),
    P("Most nights, lately. I sleep on the couch now so I'll hear the door go. In the daytime she's fine, "
      "she'll chat your ear off about her tomatoes."),
    OVER("You want one of those door chimes. My brother put one in for his father-in-law and it was a "
         "lifesaver.", "advice", at=0.55),
    P("Yeah, I ordered one. But it's not really about the door."),
    PAUSE_BC("Mm."),
    P("It's that I haven't slept properly in two months, and yesterday I snapped at her over the TV "
      "remote. She looked at me like a little kid who'd been scolded."),
    BC("Oh no.", 0.8),
    L("Oof, I did the exact same thing with my dad near the end, and I still think about it.",
      "self_focus"),
    P("Yeah. And my sister keeps saying I should be looking at memory care places. Our pastor said the "
      "same thing on Sunday.", "quotes_advice"),
    CUT("Honestly, they're right. Start touring a couple of places now, before you burn out completely.",
        "advice", at=0.8),
    P("That's easy to say. Years ago Mom made me swear I'd never put her in a home, and I promised her, "
      "right there in the kitchen."),
    CUT("You promised her?", "closed_question", at=0.8),
    P("I did. Cross my heart. So every time I google one of those places, I feel like I'm breaking my "
      "word."),
    OVER("That's such a hard spot to be in.", "validation", at=0.7),
    P("And I don't even know what else there is, between me doing everything and a home. I'm just so "
      "tired."),
    CUT("Why don't you call the county about respite care? They can send someone in a few nights a week.",
        "advice", at=0.7),
    P("Respite? I didn't know that was a thing. Could they really do nights?"),
    L("Some do, yeah. Call them tomorrow, and ask about a caregiver support group while you're at it.",
      "advice"),
))

FRESH14_DIALOGUES = (
    SCAN_CALLBACK, CARD_DEBT, CHRISTMAS_BROTHER, NAN_FUNERAL, PASSED_OVER, TRUANT_SON, DENVER_MOVE, MOM_NIGHTS,
)
