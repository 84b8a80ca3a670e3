/**
 * Visit transcript for the cardiology fixture: a 78-year-old woman on Medicare with persistent
 * atrial fibrillation on apixaban and chronic systolic heart failure (HFrEF) with a mild
 * exacerbation after a salty weekend: weight up 1.7 kg, ankle edema, worse exertional dyspnea.
 * An outside echo report and her outside primary doctor's note are reviewed, furosemide is
 * increased, labs are ordered, and the doctor dictates a total time. Entirely fictional.
 *
 * @module
 */

export const transcript = `DOCTOR: Hello, Gloria. Good to see you. How was the wedding?
PATIENT: Oh, Dr. Lindqvist, it was beautiful. My granddaughter looked like a princess. I danced two songs, can you believe it.
DOCTOR: Two songs! That's wonderful. I'm glad you got to be there.
PATIENT: But I think I paid for it. That's partly why I called. The weekend was all ham and potato salad and those little pickles, and since then my ankles have been puffy and I'm more winded.
DOCTOR: Okay, let's go through that carefully. When did you first notice the swelling?
PATIENT: About ten days ago. Right after the wedding weekend. Both ankles, by evening my shoes are tight. In the morning it's a bit better.
DOCTOR: And you've been weighing yourself every morning like we talked about?
PATIENT: Every morning, before breakfast, after the bathroom. I brought the sheet. My usual is about 72.5 kilos, sometimes 72.6. This morning it was 74.2. Your nurse got 74.3 with my shoes.
DOCTOR: So you're up about 1.7 kilos, close to four pounds, over ten days. That's above the amount where we said to call, so you did the right thing. How's your breathing?
PATIENT: I can still walk to the mailbox and back fine. But the stairs up to my bedroom, I have to stop halfway now. Before the wedding I could do the whole flight, slowly.
DOCTOR: Are you short of breath sitting still, watching TV?
PATIENT: No, not at rest. Just when I do something.
DOCTOR: How many pillows are you sleeping on?
PATIENT: Two now. I was on one. If I lie flat I feel like I'm drowning a little.
DOCTOR: Have you woken up in the night gasping, having to sit up on the edge of the bed?
PATIENT: No, that hasn't happened.
DOCTOR: Any chest pain or pressure?
PATIENT: No chest pain.
DOCTOR: Any dizziness, fainting, feeling like you'll pass out?
PATIENT: No fainting. I get up slowly like you told me.
DOCTOR: And the heart rhythm, do you feel it racing or fluttering?
PATIENT: Sometimes a flutter when I go up the stairs, but I've had that for years with the atrial fibrillation. Not worse.
DOCTOR: Good. Now let me check the medicines, because I want to be sure of the doses. You take apixaban, Eliquis, 5 milligrams twice a day?
PATIENT: Yes. Morning and night.
DOCTOR: Any missed doses? Any bleeding, nosebleeds, blood in the urine, black or tarry stools?
PATIENT: I haven't missed any. No bleeding, no black stools. I bruise a little on my arms, like always.
DOCTOR: Metoprolol succinate 50 milligrams once a day, Entresto, that's sacubitril-valsartan, 49 and 51 milligrams twice a day, spironolactone 25 once a day, and furosemide 40 milligrams once in the morning.
PATIENT: That's all right. I haven't skipped the water pill either, even at the wedding, though I was worried about the bathroom.
DOCTOR: That's a good effort. Before you came in I went over two things that came from outside. First, your primary doctor at Riverbend, Dr. Riverside, saw you about three weeks ago for the cough, and I read her note. She heard a few crackles, thought it was a cold, and she ordered an echocardiogram.
PATIENT: Yes, I did that at the Riverbend hospital. Did it show anything?
DOCTOR: I have the report here. The pumping function, the ejection fraction, is 30 percent. A year ago on our echo it was 35 percent. So it's a little lower. The left ventricle is enlarged, about the same size as before. The top chamber on the left is enlarged, which fits with the atrial fibrillation. The pressure in the lungs was estimated mildly high. No new problems with the valves that change what we do.
PATIENT: Thirty percent. Is that bad?
DOCTOR: It's reduced, and we already knew your heart muscle is weak. It's in the range where the medicines you're on make a real difference, and you're already on the main ones. It's not a reason to panic, but it tells me we need to keep the fluid off carefully. She also sent labs from three weeks ago: potassium 4.5, creatinine 0.95, kidney function 61, so that's fine, and the NT-proBNP, the heart strain marker, was 1,450. When I saw you three months ago it was 820.
PATIENT: So it doubled.
DOCTOR: Nearly. That goes with the fluid building up. Let me examine you now. Sit up nice and tall. Your blood pressure is 132 over 78, heart rate 88, oxygen 95 percent on room air. I'm looking at the veins in your neck; the pressure there is up, maybe 10 centimeters. Deep breaths. I hear a few crackles at the very bottom of both lungs. The heart is irregularly irregular, which is your atrial fibrillation, rate is okay. No new murmur I can hear. Now the legs. Pressing here, it leaves a dent, two plus pitting edema up to the middle of the shin on both sides.
PATIENT: That's what I see in the evening too.
DOCTOR: Okay. So here's my assessment. You have chronic systolic heart failure, and right now you're having a mild exacerbation, acute on chronic, from the extra salt at the wedding weekend. You're not short of breath at rest, your oxygen is good, and your blood pressure is good, so this is something we can treat at home with extra water pill. Your atrial fibrillation is persistent, the rate is controlled, and you're well protected from stroke on the apixaban. Your high blood pressure is part of why the heart muscle got weak, and today it's at goal.
PATIENT: What do I do, then?
DOCTOR: For the next five days, take the furosemide 40 milligrams twice a day, once in the morning and once around two in the afternoon, not later or you'll be up all night. After five days go back to 40 milligrams once a day. Keep weighing every morning. I'd like to see the weight come down by about a kilo and a half, back to around 72.5. If your weight goes up another kilo, or you get short of breath at rest, or you can't lie down, call us that same day, and if it's bad, go to the emergency room.
PATIENT: Okay. Write it down for me, please.
DOCTOR: The nurse will print the plan for you. Salt: keep it under 2 grams a day, no ham, no pickles for a while, I'm afraid. Fluids about one and a half to two liters a day. Keep all the other medicines exactly the same: apixaban 5 twice a day, metoprolol succinate 50, Entresto 49-51 twice a day, spironolactone 25.
PATIENT: No changes to those. Good.
DOCTOR: Because we're doubling the water pill, I'd like blood work in five days: a basic metabolic panel for potassium and kidney function, a magnesium level, and a repeat NT-proBNP. You can go to our lab, no appointment needed. And I'd like to see you back in two weeks, sooner if you need.
PATIENT: Two weeks. Alright.
DOCTOR: Any other questions for me today?
PATIENT: One thing. My hearing aids have been whistling, the left one especially. Is that something you can look at?
DOCTOR: That one is for your audiologist, they can adjust the fitting. I'd give them a call this week.
PATIENT: I will. Thank you for seeing me so fast.
DOCTOR: Of course. I'm the one looking after your heart failure, and I'd much rather see you early like this than in the hospital. I'll send Dr. Riverside a copy of today's note so she knows about the diuretic change.
PATIENT: Thank you, doctor.
DOCTOR (DICTATION): Time statement for today's visit. Total time I personally spent on this patient's care today was 44 minutes, including review of the outside echocardiogram report and the outside primary care note and labs before the visit, history and examination, counselling on the diuretic plan, sodium and fluid restriction and warning signs, ordering labs, and documentation. No separately reported services.`;
