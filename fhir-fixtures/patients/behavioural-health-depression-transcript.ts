/**
 * Visit transcript for the behavioural-health fixture: an established patient with recurrent major
 * depression and generalized anxiety, worsening scores, a sertraline increase, a realistic suicide-risk
 * screen (negative), and a dictated total-time statement. Entirely fictional.
 *
 * @module
 */

export const transcript = `DOCTOR: Good afternoon, Dana. Come on in and have a seat. How have the last six weeks been?
PATIENT: Honestly? Not great. I was hoping I'd come in and tell you things were better, but they're not.
DOCTOR: I appreciate you being straight with me. I looked at the questionnaires you filled in on the portal this morning. Your PHQ-9 is 14 today. It was 11 six weeks ago and 8 three months ago. The anxiety questionnaire, the GAD-7, is 13, up from 10 last time and 7 before that. So the numbers match what you're telling me. Tell me what it's been like.
PATIENT: I get through work, but barely. Then I come home and lie on the couch. I used to cook with the kids, and now it's frozen pizza three nights a week. I don't enjoy anything. I skipped my book club twice.
DOCTOR: When did you notice it getting worse?
PATIENT: About two months ago. That's when they announced the restructuring at work. My whole team is being merged and I don't know if I'll have a job in the spring. And then my mom had her fall, and I've been driving out to see her every weekend.
DOCTOR: That's a lot at once. How are you sleeping?
PATIENT: Falling asleep is the worst part. My brain just runs: the job, my mom, money. The trazodone helps when I take it. I take the 50 maybe four nights a week.
DOCTOR: On the nights you take it, how long does it take to fall asleep, and do you stay asleep?
PATIENT: Maybe half an hour, and then I sleep until the alarm. Without it, it's two hours, and I'm awake at four.
DOCTOR: Any grogginess the next morning?
PATIENT: A little. Not bad.
DOCTOR: How's your appetite?
PATIENT: Down. I've lost a few pounds without trying.
DOCTOR: Your weight today is 68.2 kilos. Six weeks ago it was 70.3, so that's about four and a half pounds. How are your energy and concentration?
PATIENT: Energy is low. Concentration, I read the same email three times.
DOCTOR: Do you find yourself feeling guilty or down on yourself?
PATIENT: Yes. I feel like I'm failing the kids. Like a bad mom.
DOCTOR: And the anxiety side, tell me about that.
PATIENT: It's constant. Not just the big things, everything. Did I lock the car, is my son okay at school, will the payment go through. My shoulders are up by my ears all day. I'm irritable; I snapped at my daughter over nothing.
DOCTOR: Any panic attacks, sudden surges of fear with your heart pounding and feeling short of breath?
PATIENT: No, not like that. It's more of a constant hum.
DOCTOR: Okay. Now I want to ask some questions I ask everyone, especially when mood is lower. On the questionnaire you answered "not at all" to the question about thoughts that you would be better off dead or of hurting yourself. Is that still accurate?
PATIENT: Yes. I mean, sometimes I think I'd like to disappear for a week, go to a cabin and sleep. But not dying. No.
DOCTOR: Thank you for explaining that. Wanting a break from everything is different. In the past month, have you wished you were dead, or wished you could go to sleep and not wake up?
PATIENT: No.
DOCTOR: Have you had any thoughts of killing yourself?
PATIENT: No. Never. I have my kids.
DOCTOR: Have you had thoughts like that in the past?
PATIENT: In 2019, the last time I was depressed, there were a couple of weeks when I thought everyone would be better off without me. I never had a plan, and I told my therapist back then. Nothing since.
DOCTOR: That's helpful, and it's in your history with us. Are there any firearms in the home?
PATIENT: No, none.
DOCTOR: Who are your supports right now?
PATIENT: My sister, mostly. She's been great. My husband too, though he's stressed as well. And honestly, the dog gets me out of the house.
DOCTOR: If things got darker, if thoughts like that came back, you have the crisis line, 988, and you'd call us or your sister?
PATIENT: Yes. I still have 988 in my phone from last time.
DOCTOR: Good. Have you had any periods of feeling the opposite: unusually high or wired, needing very little sleep but full of energy, spending or talking much more than usual?
PATIENT: No, never anything like that.
DOCTOR: Alcohol, are you drinking any more than before?
PATIENT: No, the same. A glass or two of wine on the weekend. I know it doesn't help.
DOCTOR: Any cannabis or other substances?
PATIENT: No.
DOCTOR: How is it going with your therapist?
PATIENT: Good. I see her every week at Harbor Counseling. We're doing the CBT worksheets.
DOCTOR: She sent me an update letter last week, with your permission, and I've read it. She says you're engaged and doing the homework, but the work stress and your mom's situation are getting in the way, and she wondered whether the medication needs adjusting.
PATIENT: Yes, we talked about that.
DOCTOR: How is the sertraline going? You're on 100 milligrams every morning. Are you taking it every day?
PATIENT: Every day. I have an alarm on my phone.
DOCTOR: Any side effects: stomach upset, headaches, sexual side effects, feeling restless?
PATIENT: The nausea at the beginning went away. Sometimes I have vivid dreams. Nothing else really.
DOCTOR: Your primary-care doctor checked your thyroid last month. The TSH was 2.1, which is normal, so the thyroid isn't contributing.
PATIENT: Oh, good. She also said my cholesterol was borderline high. She wants to recheck it in six months.
DOCTOR: That one is for her, and it sounds like she has a plan, so I'll leave that with her.
DOCTOR: Let me tell you what I'm seeing. Your major depressive disorder, the recurrent depression, is in a moderate episode right now, and it's worse than six weeks ago. Your generalized anxiety disorder is worse too. Part of that is real-life stress, and therapy is the right tool for that. But you've been on 100 milligrams of sertraline for about five months, you take it reliably, you tolerate it well, and we have room to go up. I'd like to increase the sertraline to 150 milligrams daily.
PATIENT: Will that make me feel worse at first?
DOCTOR: Some people have a few days of mild stomach upset or jitteriness after a dose increase. It usually settles within a week or two. The benefit takes two to four weeks, sometimes longer. Here's how: keep taking your 100-milligram tablet and add one 50-milligram tablet, both in the morning, so 150 milligrams in total. I'll send the 50-milligram prescription to your pharmacy today.
PATIENT: Okay. And the trazodone?
DOCTOR: Keep the trazodone 50 milligrams at bedtime as needed for sleep. It's fine to take it every night for now if it helps. Don't go above 50 without talking to me.
PATIENT: Okay.
DOCTOR: One more safety point. With any dose change, if you notice agitation, feel much worse, or have any thoughts of harming yourself, call us right away or call 988.
PATIENT: I will.
DOCTOR: Keep going with the weekly therapy. I'll send your therapist a note about the dose change so we're on the same page. The sertraline increase should help the anxiety as well as the mood. I don't want to add a benzodiazepine.
PATIENT: I don't want that either.
DOCTOR: And keep walking the dog every day; it genuinely helps. Let's see each other in four weeks instead of six, and please fill in the PHQ-9 and GAD-7 on the portal before that visit.
PATIENT: Sounds good. Thank you. It helps to have a plan.
DOCTOR: You're welcome, Dana. Take care, and call if anything changes.
DOCTOR: (Dictating after the patient left.) Mental status examination: casually dressed and well groomed, good eye contact, no psychomotor agitation or retardation, speech normal in rate and volume. Mood "not great", affect constricted and briefly tearful when talking about her children. Thought process linear and goal directed. No suicidal or homicidal ideation, no psychotic symptoms. Cognition grossly intact. Insight and judgment good. Risk assessment: denies current passive or active suicidal ideation, no plan, no intent, no firearms, strong protective factors; history of passive ideation only in 2019; overall risk low, safety plan reviewed. Time statement: my total time on the date of this encounter was 42 minutes, including review of the therapist's letter, the outside TSH result and today's PHQ-9 and GAD-7 before the visit, the interview and mental status examination, counselling on the sertraline increase and the safety plan, ordering the new sertraline prescription, documenting, and sending a care-coordination message to her therapist. No psychotherapy was provided or separately reported today.`;
