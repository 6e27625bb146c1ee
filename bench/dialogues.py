"""Scripted practice dialogues: the partner shares something that matters, the listener responds.

Every listener line carries its behaviour labels (the same names as ``coach.types.BEHAVIOUR_LABELS``);
partner lines may carry ``asks_advice`` (asks for advice or accepts the listener's offer of it: opens
a permission window, like the pipeline's rule; an offer turned down opens none) or
``quotes_advice`` (the partner reports someone else's advice: not the listener advising).
``kind`` says how a line is placed: ``turn`` after the floor-holder finishes, ``backchannel`` inside
the other's speech, ``pause_backchannel`` in the other's pause (they stop, the backchannel comes,
they carry on with their next line: where most real "mm-hmm"s fall), ``interruption`` starting inside
the other's speech with an ``outcome`` (``took_floor``: the other stops; ``overlapped``: both carry on).
``at`` is where in the other's utterance (0–1) it starts; ``None`` lets the seed choose.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    speaker: str  # "L" listener, "P" partner
    text: str
    labels: tuple[str, ...] = ()
    kind: str = "turn"
    at: float | None = None
    outcome: str | None = None
    gap: float | None = None


@dataclass(frozen=True)
class Dialogue:
    id: str
    topic: str
    partner_voice: str
    listener_voice: str
    lines: tuple[Line, ...]


def P(text, *labels, **kw) -> Line:
    return Line("P", text, labels, **kw)


def L(text, *labels, **kw) -> Line:
    return Line("L", text, labels, **kw)


def BC(text, at=None, who="L") -> Line:
    return Line(who, text, (), "backchannel", at)


def PAUSE_BC(text, who="L") -> Line:
    """A backchannel in the floor-holder's pause, between two of their lines."""
    return Line(who, text, (), "pause_backchannel")


def CUT(text, *labels, at=None) -> Line:
    """The listener interrupts and the partner stops."""
    return Line("L", text, labels, "interruption", at, "took_floor")


def OVER(text, *labels, at=None) -> Line:
    """The listener talks over the partner, who carries on."""
    return Line("L", text, labels, "interruption", at, "overlapped")


MANAGER = Dialogue("dlg-manager", "stress at work with a manager", "piper:joe", "flite:slt", (
    P("I've been dreading Mondays lately. My manager keeps changing the deadlines on me, and then "
      "in the team meeting he acts like I'm the one who is always late."),
    BC("Mm-hmm.", 0.45),
    L("What happened in the last meeting?", "open_question"),
    P("He put my project up on the screen and asked everyone why it was behind. I had told him "
      "twice that the other team had not sent their data. I just sat there and my face went hot."),
    CUT("You should just go straight to his boss about it.", "advice", at=0.55),
    P("Maybe. I don't know. It's not really about the project, it's that I felt so small in "
      "front of everyone, like all the late nights did not count for anything."),
    BC("Yeah.", 0.5),
    L("It sounds like you felt humiliated, and that your effort went unseen.", "reflection"),
    P("Yes. Exactly that. And my dad keeps telling me I should just quit and find a better job, "
      "but it's not that simple with the mortgage.", "quotes_advice"),
    L("That makes sense. That is a lot of pressure to carry.", "validation"),
    P("It is. Some nights I lie awake going over what I should have said to him."),
    OVER("That reminds me of my old boss, I used to lie awake too.", "self_focus", at=0.4),
    P("I keep thinking that if I say something, it will only get worse for me."),
    L("Can I share an idea that might help?", "permission", "closed_question"),
    P("Sure, go ahead.", "asks_advice"),
    L("Maybe you could write down the dates he changed, and bring them to your next one on one.", "advice"),
    P("That might work. At least then it is not just my word against his."),
    BC("Right.", 0.5),
    L("How are you feeling about going in tomorrow?", "open_question"),
    P("Nervous, but a bit better now that I have said it out loud."),
))

SISTER = Dialogue("dlg-sister", "not asked to be a bridesmaid", "flite:slt", "piper:joe", (
    P("My sister got engaged last month, and yesterday she posted who her bridesmaids are. "
      "I'm not one of them. I found out from the internet, like everybody else."),
    BC("Oh.", 0.6),
    L("Are you upset about it?", "closed_question"),
    P("Of course I'm upset. We used to share a room. I was the one who drove four hours when "
      "her first relationship ended. And now I'm just a guest."),
    CUT("You're overreacting, it's only a wedding.", "judgment", at=0.5),
    P("It's not only a wedding. It's her telling me where I stand."),
    L("Sorry. It sounds like it feels as if you have been pushed out of her life.", "reflection"),
    P("Yes. And my mum said I should call her and just be the bigger person, "
      "but I don't even know what I would say.", "quotes_advice"),
    BC("Mm-hmm.", 0.3),
    L("What would you want her to understand?", "open_question"),
    P("That I miss her. That I don't know when we stopped being close. Maybe it was when I moved "
      "away for work, and I was always too busy to come home."),
    BC("Yeah.", 0.4),
    L("That sounds really painful.", "validation"),
    P("What should I do? Should I say something, or just let it go?", "asks_advice"),
    L("If I were you, I would tell her that you miss her, without mentioning the bridesmaids at first.", "advice"),
    P("Maybe. I'm scared she'll think I only care about the wedding."),
    L("Do you think she knows how much you miss her?", "closed_question"),
    P("Probably not. I have never really said it."),
))

JOB = Dialogue("dlg-layoff", "losing a job", "piper:joe", "flite:slt", (
    P("So, they let me go on Friday. Twelve years at that company, and it took fifteen minutes. "
      "A woman from human resources I had never met read from a sheet of paper."),
    BC("Oh no.", 0.7),
    L("Have you tried updating your profile and calling recruiters?", "advice", "closed_question"),
    P("It was on Friday. I have not even told my kids yet. I don't know how to tell them."),
    L("At least you got a severance package, a lot of people don't.", "judgment"),
    P("I suppose. It doesn't feel like a gift, though. It feels like they paid me to go away."),
    OVER("Me too, when I was laid off I felt exactly the same way.", "self_focus", at=0.35),
    P("The worst part is the mornings. I wake up at six and there's nowhere to be."),
    BC("Mm-hmm.", 0.5),
    L("So the mornings are when it hits you the hardest.", "reflection"),
    P("Yeah. Everybody tells me to treat finding a job like a job. My brother said I should make "
      "a schedule and stick to it.", "quotes_advice"),
    CUT("You need to take a few weeks off first, honestly.", "advice", at=0.6),
    P("I can't afford weeks off."),
    L("What worries you most right now?", "open_question"),
    P("That I'm fifty two, and nobody is going to hire someone my age. That I'll be the dad who "
      "sits at home."),
    L("That's a heavy fear to carry, and it makes sense that it scares you.", "validation"),
    P("Thanks. I think I needed somebody to just say that. Everyone else jumps straight to my "
      "resume and my network, as if I was a project to be fixed."),
    BC("Mm-hmm.", 0.6),
    L("What would help you most this week?", "open_question"),
    P("Telling the kids, I think. Getting that over with. Then maybe I can breathe again."),
))

MOVING = Dialogue("dlg-moving", "lonely after moving to a new city", "flite:slt", "piper:joe", (
    P("It's been three months since I moved here for the new job, and I still don't really know "
      "anyone. I eat dinner in front of the television every night."),
    BC("Mm-hmm.", 0.5),
    L("That sounds lonely.", "validation"),
    P("It is. At work everyone is friendly, but they all have their own lives and families. "
      "On Friday they all went home and I just walked around the supermarket for an hour."),
    BC("Yeah.", 0.35),
    L("What do you miss most about home?", "open_question"),
    P("Just people knowing me. Being able to call someone and say, do you want to get a coffee, "
      "without it being a big deal."),
    L("So it's the easy, unplanned kind of friendship you're missing.", "reflection"),
    P("Exactly. My friend keeps saying I should join a club or a sports team.", "quotes_advice"),
    OVER("Why don't you join a running club? That's how I met everyone here.", "advice", "self_focus", at=0.45),
    P("I'm not really a runner. And walking into a room full of strangers makes me want to hide."),
    L("Would it help to talk through what feels hardest about that?", "permission", "closed_question"),
    P("Yes, I think it would.", "asks_advice"),
    L("It might be easier to start with something small, like the same cafe every Saturday, so "
      "faces become familiar.", "advice"),
    P("I like that. That feels possible."),
    L("What kind of place would you like to be a regular at?", "open_question"),
    P("A bookshop with a cafe, maybe. There's one near the station. I walk past it every day "
      "and I have never gone in."),
    BC("Mm-hmm.", 0.5),
    L("That sounds like a lovely place to start.", "validation"),
))

FRIEND = Dialogue("dlg-friend", "a friend who stopped answering", "piper:joe", "flite:rms", (
    P("Dan has not answered my messages in six weeks. We have been friends since school. "
      "I keep checking my phone to see if he has read them."),
    L("Did something happen between you two?", "closed_question"),
    P("Not that I know of. The last time we met we laughed the whole evening. Then nothing. "
      "I have gone over that night in my head a hundred times."),
    BC("Mm-hmm.", 0.55),
    L("You've been searching for a reason and not finding one.", "reflection"),
    P("Right. And part of me is angry, and part of me is worried something is wrong with him."),
    CUT("Just send him one clear message and then leave it.", "advice", at=0.5),
    P("I have sent clear messages."),
    L("Sorry, I jumped in. Tell me more about the worried part.", "open_question"),
    P("His dad was sick last year, and Dan doesn't talk about hard things. He disappears. "
      "He did it once before, in college, for a whole term."),
    BC("Right.", 0.4),
    L("That must be frightening, not knowing if he's alright.", "validation"),
    P("It is. My wife thinks I should drive over to his place and knock on the door.", "quotes_advice"),
    L("How do you feel about that idea?", "open_question"),
    P("Nervous. What if he doesn't want to see me? What if it's me he is avoiding?"),
    L("So under the worry there is a fear that you did something wrong.", "reflection"),
    P("Yeah. I think that's it."),
))

DAD = Dialogue("dlg-dad", "a parent's diagnosis", "flite:slt", "espeak:en-us+f3", (
    P("My dad called on Sunday. The scans came back and it is cancer. They caught it early, "
      "the doctor said, but he sounded so small on the phone."),
    BC("Oh.", 0.7),
    L("I'm so sorry. That is a lot to take in.", "validation"),
    P("I keep thinking I should be there. He lives six hours away, and I have two kids and a job "
      "and I just can't be in two places."),
    OVER("You should move him in with you, honestly.", "advice", at=0.5),
    P("He would never leave his house. He built half of it himself."),
    L("What has it been like for you since the call?", "open_question"),
    P("I cry in the car. I'm fine with the kids, I'm fine at work, and then I get in the car "
      "and I just fall apart."),
    BC("Mm-hmm.", 0.6),
    L("It sounds like the car is the only place you let yourself feel it.", "reflection"),
    P("Yes. Is that strange?", "closed_question"),
    L("Not at all. It makes complete sense.", "validation"),
    P("My brother said we should get a second opinion, and he keeps sending me articles.", "quotes_advice"),
    CUT("My uncle had the same thing and he's totally fine now.", "self_focus", "judgment", at=0.55),
    P("Okay."),
    L("Sorry. What do you need most this week?", "open_question"),
    P("Honestly, someone to sit with me and not fix anything."),
    L("I can do that. Would you like me to come with you to the next appointment?", "closed_question"),
    P("Would you? That would mean a lot. I never know what to ask the doctors, and afterwards "
      "I can't remember half of what they said."),
    BC("Yeah.", 0.5),
    L("It sounds like having someone there would take some of the weight off.", "reflection"),
))

EXAM = Dialogue("dlg-exam", "failing an important exam", "flite:awb", "flite:slt", (
    P("I failed the bar exam. Again. I found out this morning, and I haven't told my parents. "
      "They paid for the course, and they already told the whole family I'd pass this time."),
    BC("Oh no.", 0.65),
    L("That's a really hard morning.", "validation"),
    P("I studied every night for four months. I don't understand what went wrong. I knew the "
      "material. In the room my mind just went blank."),
    CUT("Have you tried practice tests under timed conditions?", "advice", "closed_question", at=0.5),
    P("Yes. Hundreds of them."),
    L("So you knew it, and the pressure in the room took it away.", "reflection"),
    P("That's what it felt like. My aunt says I should see a hypnotist for the nerves.", "quotes_advice"),
    BC("Mm-hmm.", 0.5),
    L("How are you feeling about telling your parents?", "open_question"),
    P("Sick. My father will be quiet, and the quiet is worse than shouting. He will say it's fine "
      "and then not talk to me for a week."),
    OVER("Parents can be like that, mine were worse.", "self_focus", "judgment", at=0.4),
    P("And I'm thirty, I should be past caring what he thinks."),
    L("It sounds like his approval still matters a great deal to you.", "reflection"),
    P("It does. It really does."),
    L("What would you want him to say, if he could say the right thing?", "open_question"),
    P("That he is proud of me anyway. That I'm more than a test result. I have never heard him "
      "say that, not once, not even when I graduated."),
    BC("Mm-hmm.", 0.55),
    L("That sounds lonely, waiting years to hear it.", "validation"),
    P("It is. Maybe I'll tell my mum first. She is easier."),
))

NURSE = Dialogue("dlg-nurse", "burnout at a hospital job", "piper:joe", "flite:slt", (
    P("I did four night shifts in a row again. We are two nurses short, and every time someone "
      "calls in sick, they phone me. I have stopped saying no."),
    BC("Mm-hmm.", 0.5),
    L("Why do you find it hard to say no?", "open_question"),
    P("Because I know what happens if I don't. The patients wait. My friends on the ward get "
      "crushed. I can picture it."),
    BC("Yeah.", 0.45),
    L("So saying no feels like letting down people you care about.", "reflection"),
    P("Yes. But I'm so tired I made a mistake with a medication last week. It was caught in time, "
      "but I have not stopped thinking about it."),
    CUT("The best thing is to report the staffing levels to your union.", "advice", at=0.55),
    P("I know about the union. That's not what I'm saying."),
    L("Sorry. You're scared of what the tiredness could lead to.", "reflection"),
    P("Exactly. My husband says I should just switch to a clinic with day hours.", "quotes_advice"),
    L("That sounds exhausting, and frightening.", "validation"),
    P("It is. What would you do in my place?", "asks_advice"),
    L("I think I would start by turning down one extra shift a week, and see what happens.", "advice"),
    P("One shift. I could try one shift."),
    BC("Right.", 0.5),
    L("How do you think your manager would take it?", "open_question"),
    P("She would sigh, and then she would find someone else. She always does in the end. "
      "I think I've been acting as if the ward would fall apart without me."),
    L("So part of you is starting to see you're allowed to have limits.", "reflection"),
))

ROOMMATE = Dialogue("dlg-roommate", "a difficult roommate", "flite:slt", "piper:joe", (
    P("My roommate has friends over every night until two in the morning. I have an early shift, "
      "and I have asked her nicely three times already."),
    BC("Mm-hmm.", 0.6),
    L("Is it every night, even on weekdays?", "closed_question"),
    P("Every single night. Last night they were playing music and I lay in bed with a pillow "
      "over my head, just furious."),
    OVER("If I were you I'd put a lock on the door and just ignore them.", "advice", at=0.45),
    P("A lock on my door won't stop music through the wall."),
    L("How has it been affecting you during the day?", "open_question"),
    P("I'm snapping at people at work. I cried in the break room yesterday over nothing, "
      "over a broken coffee machine."),
    BC("Oh.", 0.5),
    L("It sounds like the lack of sleep is spilling into everything.", "reflection"),
    P("It is. And the lease runs for another eight months."),
    L("That makes sense that you're worn out. Eight months feels long.", "validation"),
    P("My landlord said I should just try talking to her one more time.", "quotes_advice"),
    L("Would you like to think through how that conversation could go?", "permission", "closed_question"),
    P("Yes, please.", "asks_advice"),
    L("You could pick a calm morning and agree on a quiet hour together, like eleven on weeknights.", "advice"),
    P("Eleven. She might actually agree to that."),
    P("She's not a bad person. We were friends before we lived together, that's what makes it so hard."),
    BC("Mm-hmm.", 0.5),
    L("You're worried about losing the friendship as well as the sleep.", "reflection"),
))

DIALOGUES: tuple[Dialogue, ...] = (MANAGER, SISTER, JOB, MOVING, FRIEND, DAD, EXAM, NURSE, ROOMMATE)
