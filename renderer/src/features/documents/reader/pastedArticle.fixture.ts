/**
 * A fictional news article as it comes out when a whole web page is selected, copied and pasted as plain text: the
 * site's menu, advertisement labels, share buttons, a newsletter box, a "Related" list, a cookie banner and the
 * footer, around the story. Written for the clean-up tests (unit and end-to-end); every name in it is invented.
 */
export const PASTED_ARTICLE = `Continental Wire
NewsWorldBusinessSportCulture
Newsletters
Events
Podcasts
Video
Search
Log in
ADVERTISEMENT

Vellport raids: 43 held after police read messages on encrypted HalcyonText network

Customs officers inspect a container at the Marlow Quay in Vellport, February 2023. Prosecutors say the port was the network's main gateway.
Customs officers inspect a container at the Marlow Quay in Vellport, February 2023. Prosecutors say the port was the network's main gateway. Copyright Continental Wire/Photo Desk
Copyright Continental Wire/Photo Desk
By Ana Ferreira with agencies
Published on 14/03/2023 - 09:12•Updated 14/03/2023 - 11:40
Share this article
Comments
Facebook
Twitter
Flipboard
Send
Reddit
Linkedin
Messenger
Telegram
VK
Bluesky
Threads
Whatsapp
Copy/paste the article video embed link below:
Copy
Share this articleClose Button

Police say the operation ends a two-year investigation into a freight forwarder suspected of moving cocaine through the port.

ADVERTISEMENT

Police in Vellport arrested 43 people on Monday in raids across the city, Port Aster and Kessel, after investigators spent months reading messages exchanged on an encrypted phone network, prosecutors said.

Some 900 officers took part in the operation, which began at dawn and targeted 61 addresses, including warehouses near the Marlow Quay and two offices of a freight forwarding company.

The suspects face four charges:
Drug trafficking
Money laundering
Bribery
Firearms offences

Investigators say they seized €2.4 million in cash, 11 firearms and three boats. Shares in the freight company fell 9% on the Vellport exchange after the raids were announced.

"We followed the money, container by container," chief prosecutor Ilse Maren told reporters. "Every message we read brought us closer to the people at the top."

Containers under watch

The investigation began in 2021, when customs officers found 1,200 kilograms of cocaine hidden in a shipment of frozen fish.

ADVERTISEMENT

From June 2022, investigators were able to read messages on the HalcyonText network. One user, known on the network as "Lantern", is alleged to have arranged the transport of at least 14 containers.

Newsletter
Get the Continental Wire morning briefing in your inbox
Sign up
By signing up you agree to our privacy policy.

Several suspects used Facebook groups and a private messaging channel to recruit dock workers, according to the indictment.

Read more: Vellport port police seize record cocaine haul

The suspects will appear before the investigating judge on Thursday. Their lawyers could not be reached for comment.

12 comments
Share this articleComments

Related

Dock workers' union calls for inquiry into port security

How encrypted phones became a tool for Europe's cartels

Kessel mayor: 'We did not see it coming'

We use cookies to improve your experience on our site. By continuing to browse, you accept our use of cookies.
Accept all
Manage cookies

About us
Contact
Terms of service
Privacy policy
Cookie policy
© Continental Wire 2023`;

/** Lines of the article that clean-up must keep: title, caption, byline, standfirst, paragraphs, a short list. */
export const ARTICLE_LINES = [
  'Vellport raids: 43 held after police read messages on encrypted HalcyonText network',
  "Customs officers inspect a container at the Marlow Quay in Vellport, February 2023. Prosecutors say the port was the network's main gateway.",
  'By Ana Ferreira with agencies',
  'Police say the operation ends a two-year investigation into a freight forwarder suspected of moving cocaine through the port.',
  'Police in Vellport arrested 43 people on Monday in raids across the city, Port Aster and Kessel, after investigators spent months reading messages exchanged on an encrypted phone network, prosecutors said.',
  'Some 900 officers took part in the operation, which began at dawn and targeted 61 addresses, including warehouses near the Marlow Quay and two offices of a freight forwarding company.',
  'The suspects face four charges:',
  'Drug trafficking',
  'Money laundering',
  'Bribery',
  'Firearms offences',
  'Investigators say they seized €2.4 million in cash, 11 firearms and three boats. Shares in the freight company fell 9% on the Vellport exchange after the raids were announced.',
  '"We followed the money, container by container," chief prosecutor Ilse Maren told reporters. "Every message we read brought us closer to the people at the top."',
  'Containers under watch',
  'The investigation began in 2021, when customs officers found 1,200 kilograms of cocaine hidden in a shipment of frozen fish.',
  'From June 2022, investigators were able to read messages on the HalcyonText network. One user, known on the network as "Lantern", is alleged to have arranged the transport of at least 14 containers.',
  'Several suspects used Facebook groups and a private messaging channel to recruit dock workers, according to the indictment.',
  'The suspects will appear before the investigating judge on Thursday. Their lawyers could not be reached for comment.',
];

/** Every other non-blank line is the site's chrome. */
export const CHROME_LINES = PASTED_ARTICLE.split('\n').filter(
  (line) => line.trim() !== '' && !ARTICLE_LINES.includes(line),
);
