/**
 * Visit transcript for the orthopaedics fixture: a new patient three days after an inversion injury
 * of the RIGHT ankle stepping off a curb. Urgent-care radiographs are independently reviewed; an old
 * LEFT knee complaint is raised and deliberately deferred. Entirely fictional.
 *
 * @module
 */

export const transcript = `DOCTOR: Hi, are you Morgan? I'm the orthopaedic surgeon. Please stay seated, I can see you're on crutches.
PATIENT: Thanks. Yes, Morgan is fine.
DOCTOR: Nice to meet you, Morgan. I have the note from Example Urgent Care and I've pulled up your X-rays, but tell me in your own words what happened.
PATIENT: So three days ago, in the evening, I was walking my dog and I stepped off the curb at the corner. It was higher than I thought, and my right foot just rolled under me, like the sole of my foot turned in and the ankle went out. And I went down on the sidewalk.
DOCTOR: So the foot turned inward and the outside of the ankle took the stretch.
PATIENT: Exactly. And I felt a pop on the outside. It hurt right away, like an eight out of ten.
DOCTOR: When you fell, did you hit anything else? Your head, your wrists?
PATIENT: No. I caught myself on my hands, they're just a little scraped. I didn't hit my head.
DOCTOR: Could you walk right afterwards?
PATIENT: I limped home, it's about half a block. I could put weight on it, but it really hurt. It swelled up like a balloon, so my husband drove me to the urgent care that night.
DOCTOR: And they took X-rays there.
PATIENT: Three pictures of the ankle. They said nothing was broken, wrapped it in an elastic bandage, gave me these crutches and told me to see orthopaedics this week.
DOCTOR: That matches their note: swelling over the outside of the ankle, tender in front of the fibula, and the radiologist's report says no acute fracture. How has it been since then?
PATIENT: Better than the first night. The swelling has gone down some, but now it's all purple down the side of my foot. The pain is about a six today. It's worst first thing in the morning and after I've been on it.
DOCTOR: Are you putting weight on it?
PATIENT: Around the house, yes, with the crutches. Yesterday I tried a few steps without them and I could do it, just limping.
DOCTOR: Any numbness or tingling in the foot or toes?
PATIENT: No, none at all.
DOCTOR: Does the ankle feel like it gives way?
PATIENT: It feels a bit wobbly when I stand on it, but I haven't really tested it.
DOCTOR: Have you ever sprained this right ankle before?
PATIENT: Never the right. I rolled my left ankle playing volleyball in high school, but that was ages ago.
DOCTOR: What have you been taking for the pain?
PATIENT: Ibuprofen, the over-the-counter ones. Two tablets, so 400 milligrams, about twice a day. And ice.
DOCTOR: Any stomach upset with it? Any history of ulcers, bleeding or kidney problems?
PATIENT: No, none of that.
DOCTOR: Since you're new to us, let me go through your background. Any medical problems?
PATIENT: Seasonal allergies. That's it.
DOCTOR: Any surgeries?
PATIENT: Just my wisdom teeth.
DOCTOR: Allergies to medicines or anything else?
PATIENT: Latex. I get hives from latex gloves. I'm a dental hygienist, so I found out the hard way.
DOCTOR: Good to know, I'll add that to your chart. Any medications other than the ibuprofen?
PATIENT: No, nothing regular.
DOCTOR: Do you smoke?
PATIENT: No, never.
DOCTOR: Alcohol?
PATIENT: A glass of wine on the weekend sometimes.
DOCTOR: As a hygienist, are you on your feet a lot?
PATIENT: I'm up and down all day. I took this week off.
DOCTOR: And what do you want to get back to? Any sports?
PATIENT: I run about three times a week, usually a 5K. And I walk the dog twice a day.
DOCTOR: Got it. Anything else you want me to know about?
PATIENT: Well, while I'm here, my left knee has been bothering me for about two years. It aches going down stairs and after I run. Could you look at that too?
DOCTOR: I'm glad you mentioned it, and I'd like to look at the left knee properly, but I'd rather give it its own visit so we can do it justice, with a full exam and probably knee X-rays. Today let's focus on the right ankle. Can you book a separate appointment for the knee on your way out?
PATIENT: Sure, that's fair.
DOCTOR: Okay, let's take a look. I'll take the wrap off. There's moderate swelling over the outside of the right ankle, and bruising that has tracked down the outside of the foot toward the little toe. That's normal three days out; the blood settles with gravity. The skin is intact, no blisters. I'm going to press in a few places; tell me where it hurts. Here, just in front of the fibula?
PATIENT: Ow. Yes, that's the spot.
DOCTOR: That's the anterior talofibular ligament, the ATFL. What about here, just below the tip of the fibula?
PATIENT: A little, not much.
DOCTOR: The back edge of the fibula and the very tip?
PATIENT: No.
DOCTOR: The inside of the ankle, the medial malleolus?
PATIENT: No, that's fine.
DOCTOR: The base of the fifth metatarsal, out here on the side of the foot? And the navicular, up here on the inside?
PATIENT: Neither of those.
DOCTOR: Good. And up near the knee on the outside, the top of the fibula?
PATIENT: Nothing there.
DOCTOR: Now I'll squeeze your calf, the two leg bones together. Does that hurt down at the ankle?
PATIENT: No.
DOCTOR: And turning the foot outward like this?
PATIENT: That's okay.
DOCTOR: Good, so no sign of a high ankle sprain. Now the anterior drawer test: I hold your shin and draw the heel forward. Compared with your left side there's more movement on the right, maybe five or six millimetres more, but there's a firm endpoint. Now the talar tilt, tipping the heel inward: that's symmetric with the left, so the calcaneofibular ligament is holding. Squeezing the calf, the foot moves normally, so the Achilles tendon is intact. Push your foot out against my hand. Good strength, and I don't feel the peroneal tendons slipping out of their groove. Wiggle your toes. Can you feel me touching the top of the foot, the outside and the sole?
PATIENT: Yes, it all feels normal.
DOCTOR: Pulses are strong on the top of the foot and behind the inside ankle, and capillary refill is brisk. Range of motion is limited by pain, mostly pointing the toes down and turning the foot in. Let me see you walk a few steps without the crutches. You're limping, but you can bear weight.
DOCTOR: Now let me show you the X-rays on the screen. These are the three views from the urgent care: the front view, the mortise view and the side view. Here's my own read of the images. The lateral malleolus, the end of the fibula, is intact, including the tip, where we sometimes see a little avulsion fleck; there isn't one. The medial malleolus and the posterior malleolus are intact. The mortise is symmetric: this clear space on the inside isn't widened and the space between the tibia and fibula is normal, so no sign of a syndesmosis injury. The talar dome looks smooth, and the base of the fifth metatarsal, which you can see at the edge of this side view, is intact. What you can see is soft-tissue swelling over the outside of the ankle. So I agree with the radiologist: no fracture.
PATIENT: So it's a sprain?
DOCTOR: It's a sprain. Specifically, a grade two sprain of the anterior talofibular ligament of your right ankle. Grade two means a partial tear: the ligament is stretched and partly torn, which is why the drawer test showed extra movement, but there's an endpoint, so it isn't a complete rupture. The calcaneofibular ligament is intact, since the talar tilt was normal.
PATIENT: Do I need surgery?
DOCTOR: No. These heal very well without surgery. Here's the plan. First, I want you in a lace-up ankle brace instead of the elastic wrap. I'm sending an order for a lace-up brace to the medical supply store downstairs. Wear it whenever you're up and about for the next four to six weeks, and for running for a few months after that. Second, weight bearing as tolerated. Use the crutches for the next few days as you need them, and wean off as the limp settles; most people are off them within a week. Third, ice for fifteen to twenty minutes a few times a day, and keep it elevated above your heart when you're sitting.
PATIENT: And the ibuprofen?
DOCTOR: It's fine to continue the over-the-counter ibuprofen. Two of the 200-milligram tablets, so 400 milligrams, up to three times a day with food, for up to ten days. If you need more, you can add acetaminophen, up to 1,000 milligrams three times a day. You don't need a prescription medication for this.
PATIENT: Okay.
DOCTOR: Fourth, physical therapy. The biggest risk after a sprain like this is spraining it again, and therapy is what prevents that: balance training and strengthening the peroneal muscles on the outside of the leg. I'm putting in a referral for physical therapy, twice a week for about six weeks. Start in about a week, once the swelling settles.
PATIENT: When can I run again?
DOCTOR: Light jogging in the brace at about four to six weeks, if you can hop on that foot without pain. We'll check that at your follow-up. For work, stay off your feet as much as you can this week; you can go back next week in the brace, sitting when you can. I'll write you a work note.
PATIENT: That would help, thanks.
DOCTOR: Call us or come back sooner if you can't put any weight on it, if the foot goes numb, cold or pale, or if the pain suddenly gets much worse. And if the ankle still feels unstable after six weeks of therapy, we'd think about an MRI then, but I don't expect that.
PATIENT: Great.
DOCTOR: Follow up with me in four weeks. And don't forget to book that knee visit.
PATIENT: I won't. Thank you so much.`;
