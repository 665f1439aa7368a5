// The built-in rule packs (native-host/packs/*.json) judged on drafts: for
// each category, sentences that must warn and tricky ones that must stay
// quiet, in English and French, with some German and Spanish.
//
// Design decision: these drafts are written for the tests, from the
// definition of each category, and are deliberately not taken from the
// evaluation corpus; the corpus judges generality, these pin behaviour. A
// "warning" is a finding of medium or high severity, as in evaluate.py.
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "draftguard/engine.h"
#include "draftguard/packs.h"

using namespace draftguard;

namespace {

const Engine& SharedEngine() {
  static const std::unique_ptr<Engine> engine = [] {
    std::vector<LoadProblem> problems;
    auto e = Engine::Create(Options(), BuiltinPacks(), &problems);
    REQUIRE(e != nullptr);
    return e;
  }();
  return *engine;
}

std::vector<Finding> Analyze(std::string_view text) {
  Result<std::vector<Finding>> r = SharedEngine().Analyze(text, {});
  REQUIRE(r.ok());
  return r.value();
}

bool IsWarning(const Finding& f) { return f.severity != Severity::kLow; }

// Categories that get a warning in `text`.
std::set<Category> Warned(std::string_view text) {
  std::set<Category> out;
  for (const Finding& f : Analyze(text))
    if (IsWarning(f)) out.insert(f.category);
  return out;
}

// True if a warning of `category` overlaps the first occurrence of `needle`
// (offsets are UTF-16; the drafts below are ASCII apart from accents, which
// count one unit each, so byte→unit conversion is done by counting).
bool WarnsOn(std::string_view text, Category category, std::string_view needle) {
  size_t at = text.find(needle);
  REQUIRE(at != std::string_view::npos);
  auto units = [&](size_t bytes) {
    uint32_t n = 0;
    for (size_t i = 0; i < bytes; ++i) {
      unsigned char c = text[i];
      if ((c & 0xC0) != 0x80) n += c >= 0xF0 ? 2 : 1;
    }
    return n;
  };
  uint32_t start = units(at), end = units(at + needle.size());
  for (const Finding& f : Analyze(text))
    if (IsWarning(f) && f.category == category && f.start < end && start < f.end) return true;
  return false;
}

void ExpectWarns(Category c, const std::vector<std::string>& drafts) {
  for (const std::string& d : drafts) {
    CAPTURE(d);
    CHECK(Warned(d).count(c) == 1);
  }
}

void ExpectQuiet(const std::vector<std::string>& drafts) {
  for (const std::string& d : drafts) {
    CAPTURE(d);
    std::set<Category> w = Warned(d);
    std::string which;
    for (Category c : w) which += std::string(CategoryName(c)) + " ";
    CAPTURE(which);
    CHECK(w.empty());
  }
}

}  // namespace

TEST_CASE("built-in packs load without problems and cover every pack category") {
  std::vector<LoadProblem> problems;
  auto engine = Engine::Create(Options(), BuiltinPacks(), &problems);
  REQUIRE(engine != nullptr);
  for (const LoadProblem& p : problems) CAPTURE(p.ToString());
  CHECK(problems.empty());
  CHECK(engine->rule_count() > 50);

  std::set<std::string> names;
  std::set<Category> categories;
  for (const RulePack& pack : BuiltinPacks()) {
    names.insert(pack.name);
    for (const RuleSpec& r : pack.rules) categories.insert(r.category);
    for (const TermList& l : pack.lists) categories.insert(l.category);
  }
  for (const char* n : {"common", "confidential", "case_study", "strategy", "prelaunch", "competitor", "pii"})
    CHECK(names.count(n) == 1);
  for (Category c : {Category::kConfidential, Category::kCaseStudy, Category::kStrategy, Category::kPrelaunch,
                     Category::kCompetitor, Category::kPii})
    CHECK(categories.count(c) == 1);
}

TEST_CASE("every built-in rule explains itself in English and French") {
  for (const RulePack& pack : BuiltinPacks()) {
    for (const RuleSpec& r : pack.rules) {
      CAPTURE(pack.name + "." + r.id);
      if (pack.name != "common") CHECK(CategoryName(r.category) == pack.name);
      CHECK_FALSE(r.message.en.empty());
      CHECK_FALSE(r.message.fr.empty());
      CHECK_FALSE(r.suggestion.en.empty());
      CHECK_FALSE(r.suggestion.fr.empty());
    }
    for (const TermList& l : pack.lists) {
      CAPTURE(pack.name + "." + l.name);
      CHECK_FALSE(l.message.en.empty());
      CHECK_FALSE(l.message.fr.empty());
      CHECK_FALSE(l.suggestion.en.empty());
      CHECK_FALSE(l.suggestion.fr.empty());
    }
  }
}

TEST_CASE("French engine speaks French") {
  Options o;
  o.language = "fr";
  auto engine = Engine::Create(o, BuiltinPacks(), nullptr);
  REQUIRE(engine != nullptr);
  auto r = engine->Analyze("Strictement confidentiel : le taux de conversion est passé à 4,2 %.", {});
  REQUIRE(r.ok());
  REQUIRE_FALSE(r.value().empty());
  bool french = false;
  for (const Finding& f : r.value())
    french |= f.message.find("é") != std::string::npos || f.suggestion.find("é") != std::string::npos;
  CHECK(french);
}

TEST_CASE("confidential: explicit markers in four languages") {
  ExpectWarns(Category::kConfidential, {
      "Internal only - please check the numbers below before Friday's review.",
      "This deck is strictly confidential, but I wanted to share one slide with you all.",
      "We're under NDA with the retailer, so I can only say it's a big one.",
      "Embargoed until Monday 8:00 CET: the merger of two logistics players.",
      "Do not share outside the team: the Q4 forecast looks rough.",
      "Off the record, the board is not happy with the pipeline.",
      "Please don't repost this, it's not public yet.",
      "Document interne – ne pas diffuser. Voici nos chiffres du trimestre.",
      "Strictement confidentiel : on change d'hébergeur en janvier.",
      "Sous embargo jusqu'au 12 mars, merci de ne pas relayer.",
      "Vertraulich: Die Zahlen für das dritte Quartal sind noch nicht final.",
      "Nur für den internen Gebrauch – bitte nicht weitergeben.",
      "Confidencial: no compartir fuera del equipo directivo.",
      "Solo para uso interno. Las cifras aún no son públicas.",
      // Secrecy asked for in so many words, and a "do not share" label.
      "Don't tell anyone yet, but the Lyon office is closing.",
      "Ne le dites à personne, mais on rachète un concurrent.",
      "Sag es niemandem: wir verlieren unseren größten Kunden.",
      "No se lo digas a nadie, pero el precio sube en marzo.",
      "Weekly numbers.\n\nDO NOT SHARE: pipeline is at 2.1M.",
      // A request to keep this post confidential is not a privacy policy.
      "Please keep this confidential until the fix ships.",
      "The rebrand is not public until the keynote on Monday.",
      "Die neuen Konditionen sind noch nicht offiziell.",
      "Not for public sharing: our Q3 pipeline.",
      "Bitte Stillschweigen bis zur Pressemitteilung.",
      "Que no salga de aquí: cambiamos de proveedor en enero.",
      "Infos internes, à ne pas relayer.",
      "New pricing lands in March. Don't spread the word yet.",
      "Nur für euch, nicht öffentlich: wir ziehen um.",
      "Por favor, no compartáis esto todavía: cambiamos de tarifa.",
      "Not announced yet, so keep it under your hats.",
      "Psst! The new plan is almost ready.",
      "Bitte noch nicht weitererzählen, der Standort ist fast fix.",
      "Chut, on n'en parle pas encore à l'extérieur.",
      "Do not share the link outside the pilot group please!",
      "Merci de ne pas repartager ce post.",
      "Neue Preise ab März, bitte intern behalten.",
      "Please don't discuss the new pricing with customers.",
      "No lo compartáis con nadie todavía.",
      "Slides from the kickoff, en interne seulement : quota T1 à 2 M€.",
      "Recap of the offsite #internalonly : we close Porto in June.",
      "Je compte sur votre discrétion : le rachat n'est pas signé.",
      "DO NOT SHARE 🚫 Q1 quota is €2M.",
      "Please be discreet, nothing is signed.",
      "What's said here stays in this room.",
      "Please don't comment on it publicly yet.",
      "No se lo digáis a los proveedores todavía.",
      "Bitte Füße stillhalten bis Montag.",
      "Private beta starts 3 March, NDA required.",
      "Solo para ojos internos: cifras del trimestre.",
      "No lo comentéis fuera del equipo, por favor.",
  });
  CHECK(WarnsOn("Quick update (CONFIDENTIAL) on the rebrand.", Category::kConfidential, "CONFIDENTIAL"));
}

TEST_CASE("confidential: obfuscated markers still warn") {
  ExpectWarns(Category::kConfidential, {
      "C0NFIDENTIAL - numbers for the leadership offsite.",
      "Signed an N.D.A. this morning, can't say who with.",
  });
}

TEST_CASE("confidential: generic uses of the words stay quiet") {
  ExpectQuiet({
      "Your data stays confidential: we never sell it to third parties.",
      "How to write a good NDA for your freelancers, a thread.",
      "Nos échanges avec les candidats restent confidentiels, c'est une promesse.",
      "The trade embargo on semiconductors will reshape supply chains.",
      "Ihre Daten werden selbstverständlich vertraulich behandelt.",
      "The secret to a great onboarding is a great first week.",
      "Never paste confidential information into a public chatbot.",
      "Between you and me, I still print my to-do list every morning.",
      "Do not share your password with anyone, not even IT.",
      "We keep all applications strictly confidential.",
      // NDAs as a topic: advice, not a marker.
      "Drafting a mutual NDA? Define what 'confidential information' covers first.",
      "Meine fünf Klauseln für jede Geheimhaltungsvereinbarung mit Freelancern.",
      "NDAs are not a substitute for trust, in my experience.",
      "Hot take: asking candidates to sign an NDA before the first interview is a red flag.",
      "Faites-vous signer un accord de confidentialité à vos stagiaires ?",
      "Warum wir Bewerber keine Geheimhaltungsvereinbarung vor dem ersten Gespräch vorlegen.",
  });
}

TEST_CASE("case_study: business figures in many formats") {
  ExpectWarns(Category::kCaseStudy, {
      // operations and retail metrics
      "For our client, on-time deliveries rose from 88% to 99%.",
      "Chez ce client, les délais de livraison ont baissé de 40 %.",
      "Unser Kunde fährt jetzt 15 % weniger Leerkilometer.",
      "Sampling with a drugstore chain: basket size up 12%.",
      "Für einen Kunden haben wir den Ausschuss um 31 % reduziert.",
      "Board numbers, please keep them internal: Bruttomarge 58 %.",
      "For a retail client, time-to-hire went from 41 to 19 days.",
      "Para una cadena hotelera redujimos la rotación del 30 % al 12 %.",
      "At our client, survey participation jumped from 25% to 70%.",
      "For a hotel client, occupancy went from 71% to 88%.",
      "For our client, mean time to respond went from 9 hours to 38 minutes, and false positives fell by 60%.",
      "Bei einem Kunden haben wir die Lagerumschlagshäufigkeit von 3,0 auf 5,2 gesteigert.",
      "En nuestro cliente de Bilbao hemos reducido las roturas de stock un 40 %.",
      "A client's spend with us is already up 35% since January.",
      "For a sportswear brand we lifted conversion by 23% in eight weeks.",
      "Our client's ROAS went from 3.1 to 5.6 after we rebuilt their feed.",
      // Savings, costs and downtime are a client's figures too.
      "We saved Nordhafen Logistics €1.2M in the first year.",
      "Bei Brauwerk Süd sanken die Wartungskosten um 22 %.",
      "Reducimos un 30 % las paradas no planificadas en Aceros Norte.",
      "Last year we financed €1.3bn of supplier invoices for Maison Verte.",
      "Para Óptica Luz pasamos de 800k a 2,1 millones de euros de facturación.",
      "Café Nord's average basket rose fifteen percent in three months.",
      "No-shows are down 35% at Bistro Vert since they switched to us.",
      "Bei Kaufhaus Lenz haben wir 2,1 Mio. € Neugeschäft gebracht.",
      "El Hotel Mar ha aumentado un 23 % sus reservas online con nosotros.",
      "We crossed €4.5M ARR last month, up from €2.9M a year ago.",
      "MRR hit $310k in September.",
      "Churn dropped to 1.8% monthly after the new onboarding.",
      "CAC is now €142, down from €210 in Q1.",
      "GMV tripled year over year for this marketplace client.",
      "Pipeline up 2.3x since we switched to intent data.",
      "Revenue grew to £12.3m in the last financial year, unaudited.",
      "Gross margin went from thirty percent to forty-one percent on the bundle.",
      "ROAS of 4,2x on the spring campaign.",
      "Le chiffre d'affaires de notre client a progressé de 32 % en six mois.",
      "Taux de conversion passé de 1,9 % à 3,2 % grâce au nouveau tunnel.",
      "Le panier moyen est monté à 74 € sur la campagne de Noël.",
      "Notre CA a doublé cette année : 2,4 M€ contre 1,2 M€ l'an dernier.",
      "15 % de marge sur la nouvelle gamme, 12 000 € HT de commandes la première semaine.",
      "Der Umsatz unseres Kunden stieg um 45 % im ersten Quartal.",
      "La facturación del cliente creció un 60 % tras la campaña.",
      "Mit unserer Lösung erzielte der Kunde 1,2 Mio. € Mehrumsatz im Weihnachtsgeschäft.",
      "Hemos ayudado a una marca de cosmética a multiplicar por 3 sus ventas online.",
      "Signed a seven-figure deal with a European telco this week.",
      "LTV:CAC is now 4.1 across the mid-market segment.",
      "Die Abbruchrate im Checkout sank von 68 % auf 49 %.",
      "Notre client a économisé 120 000 € par an sur ses frais de transport.",
      "Black Friday for our client: £2.4m in 24 hours, 3x last year.",
      "Nos clients retail ont vu leur panier moyen bondir de 15 € en moyenne après l'intégration.",
      "We onboarded 1,800 merchants last quarter, a record for us.",
  });
  // Full-width digits are folded before matching.
  CHECK(Warned("Conversion rate: ３７% after the redesign.").count(Category::kCaseStudy) == 1);
  CHECK(WarnsOn("Quick win: +37 % conversion for the client.", Category::kCaseStudy, "+37 %"));
}

TEST_CASE("case_study: years, ages, lists, rankings and sourced statistics stay quiet") {
  ExpectQuiet({
      "5 tips to improve your conversion rate this holiday season.",
      "I've spent 12 years in B2B sales and I'm 38 years old.",
      "According to a McKinsey study, 71% of consumers expect personalisation.",
      "Selon une étude de la Fevad, le panier moyen en ligne est de 65 €.",
      "We're ranked #3 in the G2 grid for mid-market checkout.",
      "In 2019 we were 4 people in a garage. Today we are 120.",
      "As published in our annual report, revenue grew 9% to €310M.",
      "Imagine you spend €1,000 on ads and get €3,000 of revenue: your ROAS is 3.",
      "Growth is a team sport. Strategy is saying no.",
      "Notre équipe a grandi : nous sommes 45, dont 60 % de femmes.",
      "3 Fehler, die 80 % der Online-Shops bei der Conversion machen.",
      "Laut Statistischem Bundesamt arbeiten 7,5 Millionen Menschen in der Industrie.",
      "Our stock levels are back to normal after the holidays, thanks team.",
      "Around 1 in 5 venues closed since 2020, and average net margins sit at 3-5% (Deloitte, 2023).",
      "Un plan d'action en 5 étapes pour vos entretiens annuels.",
      "Laut Statista wächst der E-Commerce-Umsatz in Deutschland 2025 um 6 %.",
      "Según el INE, el comercio electrónico creció un 10 % el año pasado.",
      "Most DTC brands see a 2-3% conversion rate. Where do you sit?",
      "Save 20% on all plans this week with code SPRING.",
      "Starter: €49/month, Pro: 129 €/mois, all prices public on our website.",
      "Our sales team grew from 4 to 12 reps this year, proud of everyone.",
      "Astuce : un bon objet d'email peut doubler votre taux d'ouverture.",
  });
}

TEST_CASE("strategy: non-public plans") {
  ExpectWarns(Category::kStrategy, {
      "We're quietly raising a Series B and hope to close before summer.",
      "We signed a term sheet last night, announcement in three weeks.",
      "We're in advanced talks to acquire a small analytics startup in Lisbon.",
      "We're planning to lay off 30 people in operations next month.",
      "Next year we'll enter the German market with a team in Munich.",
      "Prices for the Pro plan will go up 15% in April; customers don't know yet.",
      "Our target for 2026 is €10M ARR with 40% coming from partners.",
      "Hiring freeze until the end of the year, decided at the exec meeting.",
      "On lève une Série A de 8 M€, closing prévu en juin.",
      "Nous sommes en négociation exclusive pour racheter un concurrent lyonnais.",
      "Plan social en préparation : 40 postes supprimés au siège.",
      "On ouvre un bureau à Barcelone au T2 pour attaquer l'Espagne.",
      "Nos tarifs augmenteront de 10 % au 1er janvier.",
      "Wir planen den Markteintritt in Frankreich im nächsten Quartal.",
      "Estamos negociando la compra de una empresa de logística en Valencia.",
      "Wir verhandeln gerade über die Übernahme eines kleinen Wettbewerbers aus Wien.",
      "Intern steht fest: Wir ziehen uns Ende des Jahres aus dem italienischen Markt zurück.",
      "We're consolidating three warehouses into one by the end of Q2, which means about 40 roles will go.",
      "La dirección ha decidido cerrar la tienda de Sevilla en marzo.",
      "We're in early conversations about merging with a French competitor.",
      "Internally we've set ourselves a goal of 1,000 paying customers by December.",
      "Au programme l'an prochain : hausse de 9 % de nos tarifs et fin de l'offre Starter.",
      "Not announced yet, but we're opening a hub in Singapore in Q2.",
      "We've hired an M&A advisor and will start approaching buyers after the summer.",
      "Heads up team, HQ is moving to Amsterdam next summer.",
      // business lines closed, work outsourced, talks, price rises, shops
      "Decided at the board: we're winding down our consulting business by the end of Q3.",
      "On va arrêter notre activité de conseil d'ici la fin de l'année, décidé en interne.",
      "Beschlossen: Wir stellen unsere Hardware-Sparte zum Jahresende ein.",
      "We will outsource our tier-1 support to a partner in Porto from March.",
      "Vamos a externalizar la logística a partir de septiembre.",
      "Quietly exploring a merger with a smaller Belgian player.",
      "Nous négocions un contrat-cadre de trois ans avec un grand distributeur.",
      "A big retailer wants an exclusive on our new range for Spain.",
      "Two VCs are in due diligence as we speak.",
      "Next year's price list: +7% on all subscriptions from February.",
      "Nuestros precios subirán un +5 % en la gama profesional a partir de abril.",
      "Plan for next year: open 4 new stores in the north.",
      "Nouvelle grille tarifaire au 1er mars : +8 % sur les forfaits.",
      "Décidé ce matin : on arrête l'activité événementielle d'ici fin septembre.",
      "We've decided to close the Leeds warehouse at the end of Q3.",
      "Intern beschlossen: das Hamburger Büro wird im Sommer verkleinert.",
      "We were approached by a larger rival about an acquisition.",
      "Wir sind in Gesprächen mit einem Wiener Softwarehaus über eine Übernahme.",
      "Ein Konzern will uns als exklusiven Partner für Europa.",
      "From April our plans move from per-seat to usage-based billing; customers don't know yet.",
      "Objectif interne pour 2026 : 40 % de croissance.",
      "Our hiring plan for next year: 20 engineers and 5 sales reps.",
      "We're going direct in Spain from September.",
      "On prépare l'ouverture d'une filiale au Portugal pour début 2026.",
      "Die Regionen West und Ost werden ab Januar zusammengelegt.",
      "Interne Zielvorgabe für 2026: 25 % Umsatz aus Spanien.",
      "Un grand groupe américain veut entrer à notre capital.",
      "Wir sprechen gerade mit zwei Wettbewerbern über eine mögliche Fusion.",
      "The Team plan is going from €12 to €15 per seat in June.",
      "La hausse de 6 % tombe le 1er avril.",
      "Abrimos un dark store en Bilbao a finales de mes.",
      "We sign the lease for our Milan office next month.",
      "Next stop: Poland in 2026.",
      "Ab 1. Juli senken wir die Terminalmiete auf 12,90 € im Monat.",
      "La grille tarifaire 2026 passe à 1,19 % par transaction à partir du 1er mars.",
      "The new starter bundle is €15/month from 1 April.",
      "On entre en négociation exclusive avec un éditeur suisse.",
      "Discussions en cours avec une chaîne de pharmacies pour équiper 200 officines.",
      "Wir sind in Gesprächen mit einer Bank über eine Vertriebspartnerschaft.",
      "We're opening a 5,000 m² warehouse in Antwerp in early 2026.",
      "Réorganisation : fusion des agences de Nantes et Rennes au 1er septembre.",
      "You'll build our sales team ahead of our market entry in Q1 next year.",
      "Nach langen Gesprächen will ein Hersteller unsere Software ab Werk verbauen. Unterschrift hoffentlich im Mai!",
      "Trois heures de train pour une réunion avec un potentiel acquéreur, la semaine prochaine encore.",
      "On prépare le rachat d'une petite plateforme belge, signature espérée avant l'été.",
      "Wenn alles klappt, übernehmen wir bis zum Sommer eine Schweizer Sprachschule.",
      "Wir sprechen gerade mit zwei Investoren über eine Brückenfinanzierung, bis Ende Q2 soll alles stehen.",
      "From April the rental bundle will cost €149/month per machine.",
      "The new Enterprise tier at €45k a year stays internal until we announce it next month.",
      "Ab 1. Juli stellen wir auf Preise pro aktivem Nutzer um.",
      "Nos tarifs entreprise passent à 14 € par siège dès le 1er janvier.",
      "Die Enterprise-Lizenzen steigen ab Januar um 15 %.",
      "Prochaines étapes : arrêt de l'offre Starter et sortie de la facturation automatique en janvier.",
      "On va regrouper le support France et Espagne à Barcelone d'ici septembre.",
      "A partir de julio, todo el sur se gestionará desde Málaga.",
      "Our north star for next year: €40M ARR by December.",
      "The new sofa line will be priced at €1,490 instead of €1,690 from March.",
      "Nous fermons le showroom de Bordeaux fin mars.",
      "We're opening our fourth showroom in Lyon next spring.",
      "On discute avec un grand groupe hôtelier pour un partenariat exclusif.",
      "Le nouveau tarif pro (-12 % sur les bureaux) arrive en janvier.",
      "Wir planen, ein zweites SOC in Leipzig aufzubauen, im nächsten Jahr.",
      "The acquisition of our first German competitor should close in Q2.",
      "We're in advanced talks to take over a small consultancy.",
      "Notre arrivée sur le marché belge est prévue pour l'automne.",
      "Precio previsto: 3.900 € al año, a partir de abril.",
      "Décidé : fermeture de notre activité de revente de licences d'ici décembre.",
      "Hiring plan: +45 FTE in 2025, 30 of them in Germany.",
      "Wir werden unsere Preise im April um 10 % anheben.",
      "Nous fermons l'activité marketplace au 31 décembre, l'équipe sera réaffectée.",
      // Offices opened or closed, teams merged, jobs and prices, in any word order.
      "We're opening a second office in Lisbon next spring.",
      "Our Leeds warehouse will be closed by end of Q1.",
      "Les équipes support et success fusionneront en janvier.",
      "Ab Juli steigen unsere Abopreise um 8 %.",
      "Desaparecerán 12 puestos en marketing a final de año.",
      "The Bristol service centre closes in May.",
      "List prices on the whole X-range go up 9% on 1 March.",
      "Wir stellen nächstes Jahr in Leipzig dreissig neue Mitarbeiter ein.",
      "40 recrutements prévus à Nantes l'an prochain.",
      "Die Sparte Medizintechnik wird zum Jahresende aufgelöst.",
      "El departamento de marketing pasa de 12 a 7 personas en enero.",
      "Fusionneront au 1er juin les équipes produit et design.",
      "We just signed with a major European carmaker, can't say more.",
      "Le rachat d'une agence lilloise est prévu pour l'automne.",
      "Abrimos filial en Chile en el segundo semestre.",
      "From 1 April the Pro plan moves from €49 to €59 a month.",
      "Das Premium-Paket steigt von 99 € auf 129 € im Monat, ab Mai.",
      "El plan Business pasa a 89 € al mes en enero.",
      "Fusion des équipes marketing et communication prévue en septembre.",
      "Vamos a despedir a 20 personas del equipo comercial en marzo.",
      "Nous allons licencier 12 personnes au siège d'ici l'été.",
      "Wir werden im Herbst 25 Mitarbeiter entlassen müssen.",
      "We're in exclusivity with a strategic acquirer until the end of June.",
      "Négociations avec un grand distributeur pour un partenariat exclusif, signature prévue en mai.",
      "We exit Spain by Q4, the team there doesn't know yet.",
      "The setup fee goes from 1.5% to 2% in March.",
      "Ab Mai erhöhen wir die Servicegebühr auf 4,5 %.",
      "Subiremos la comisión de mantenimiento al 1,5 % en enero.",
      "Hausse de nos frais de dossier de 10 % dès avril.",
      "Wir werden rund 25 Stellen im Support abbauen.",
      "Vamos a recortar unos 12 puestos en Valencia.",
      "Wir übernehmen im Sommer einen kleinen Münchner Softwareanbieter.",
      "Estamos en conversaciones para fusionarnos con una startup chilena.",
      "Objectif : doubler le nombre de clients actifs d'ici juin.",
      "Our partnership with a major European bank is signed, announcement in May.",
      "Product and design merge into one team in January.",
      "We're in talks with a small Belgian payments startup about a merger.",
      "L'équipe support sera réduite de 8 postes en mars.",
      "Objectif : 500 restaurants en Italie d'ici fin 2026.",
      "Wir verhandeln gerade mit einer großen Versicherung über eine Kooperation.",
      "Drei Teamleiter-Stellen fallen im Herbst weg.",
      "Das Basis-Paket wird ab Oktober 5 € teurer.",
      "El plan Pro va a subir a 79 €/mes en marzo.",
      "Objetivo interno para este año: duplicar la facturación.",
      "Cerramos la delegación de Málaga en junio.",
  });
}

TEST_CASE("strategy: generic talk and announced news stay quiet") {
  ExpectQuiet({
      "What I learned from raising our seed round back in 2019.",
      "Layoffs in tech are brutal. If you've been let go, my DMs are open.",
      "We're thrilled to announce our €20M Series B led by Atomico!",
      "Throwback to 2021, when we announced our €3M seed round here.",
      "Strategy without execution is hallucination.",
      "Comment préparer sa levée de fonds : 7 conseils.",
      "We opened our Berlin office last year and it's been amazing.",
      "Wir haben letztes Jahr erfolgreich unsere Series A abgeschlossen – danke an alle Investoren!",
      "Tips for entering the German market: localise everything, including your invoices.",
      "We're proud to announce that we've acquired Parcelly. The deal closed yesterday.",
      "Quick reminder that our prices will stay the same in 2025. No surprises.",
      "Heute vor 5 Jahren haben wir unser erstes Büro in Berlin eröffnet.",
      "If you're raising a seed round in 2025, expect due diligence to take longer than you think.",
      "We plan to acquire two new customers per week with the new outbound team.",
      "We opened our Madrid office last spring.",
      "Open house at our Paris office next Friday, come say hi!",
      "Our team merged two years ago and it was the best decision.",
      "We just signed up for the marathon next April!",
      "Our prices are officially the lowest on the market, see for yourself.",
      "We closed our hardware business years ago and never looked back.",
      "Outsourcing customer support: 5 tips before you sign.",
      "Supermarket prices are +9% on last year because of inflation.",
      "We opened 3 stores in 2021, as announced back then.",
  });
}

TEST_CASE("prelaunch: product news before the launch") {
  ExpectWarns(Category::kPrelaunch, {
      "Our new returns portal ships next Tuesday to all EU merchants.",
      "Sneak peek at the dashboard we're releasing in Q2.",
      "Private beta of our AI assistant opens to 50 customers in March.",
      "Launch date is locked: 18 September.",
      "We're rolling out offline mode in early November.",
      "Notre nouvelle appli sortira le 5 mai, on a hâte de vous la montrer.",
      "Lancement prévu fin octobre pour la version mobile.",
      "Bêta privée ouverte à 20 marchands la semaine prochaine.",
      "Unser neues Dashboard startet im Oktober.",
      "Lanzaremos la nueva app el próximo mes.",
      "Demnächst: unsere neue Retouren-App. Launch ist für den 15. März geplant.",
      "Ab nächster Woche rollen wir die neue Suchfunktion aus.",
      "Estamos a punto de lanzar la versión 2.0, saldrá en dos semanas.",
      "On travaille sur une grosse nouveauté pour la rentrée, je ne peux pas encore en dire plus.",
      "Coming Q3: multi-warehouse inventory.",
      "Dans deux semaines, on dévoile notre nouvelle offre pour les grossistes.",
      "We're about to ship a feature our customers have asked for for years.",
      "Encore un peu de patience : la nouvelle version de l'appli sort fin novembre.",
      "Próximamente: pagos a plazos en todas las tiendas, a partir del 1 de abril.",
      "Unsere neue Schnittstelle geht im Mai live.",
      "Nouvelle app mobile en cours de finalisation, disponible avant Noël.",
      // Short forms and production go-lives, durations in words.
      "Mise en prod prévue le 12 février pour le nouveau module.",
      "Le nouveau tableau de bord sera dispo dans six semaines.",
      "Das neue Modul geht im März in Produktion.",
      "Der Release ist für den 3. März geplant.",
      "La nueva función pasa a producción el mes que viene.",
      "Our next app update is landing in six weeks.",
      "Our flagship gateway launches at the trade fair next April.",
      "Der Serienstart ist für KW 12 geplant.",
      "En septiembre lanzamos la integración con Shopify.",
      // launch nouns and holidays, shops and shelves, beta invites
      "Lancement en Belgique prévu pour Noël.",
      "Lanzamiento previsto para después de Semana Santa.",
      "Markteinführung in Österreich im Frühjahr.",
      "Nuestro nuevo sérum se lanza el 15 de mayo.",
      "The new shampoo bar will be in stores in September.",
      "Beta invites for the new scanner go out next week.",
      "Notre nouvelle appli, qui sort le 4 mars, change tout.",
      "The new gateway is two weeks from beta.",
      "Mass production of the new sensor starts in week 12.",
      "Le nouveau capteur sera commercialisé en avril.",
      "Our new app hits TestFlight next week.",
      "The new module goes into pilot at three customers in May.",
      "First customer demo planned for 12 March.",
      "Ab 1. Mai testen zwei Kunden die neue Funktion.",
      "Voici le nouveau tableau de bord, en ligne le 3 juin pour tous les clients.",
      "Les nouvelles box arrivent dans l'app le 2 avril.",
      "Ab KW 30 gibt's in der App neue Rezepte.",
      "Ab KW 14 können unsere Kunden Umfragen in Slack verschicken.",
      "The feature flag flips for the first accounts next week.",
      "Guess which product launches with the spring release?",
      "Avant-première pour mon réseau : notre nouveau catalogue, lancement officiel au salon en mars.",
      "Pilote prévu au T2 avec 30 commerçants pour le paiement fractionné.",
      "Das neue Feature landet im Herbst bei allen Kunden.",
      "Our next sensor does exactly that, out in about six weeks.",
      "On vous prépare quelque chose pour fin novembre.",
      "Lo tenemos casi listo para después del verano.",
      "Prototype only for now, commercialisation prévue au T2.",
      "When we flip the switch in June, the marketplace opens to the UK.",
      "See you in the App Store in a few weeks!",
      "À partir du mois prochain, nos clients vont pouvoir réserver en 30 secondes.",
      "Die deutsche App, die im April rauskommt, ist fast fertig.",
      "D'ici la rentrée, l'appli saura générer les PV automatiquement.",
      "We're hiring a designer to lead the redesign ahead of the relaunch in early 2026.",
      "Venta a partir de abril en nuestra web.",
      "Die geschlossene Beta startet ab dem 5. Mai.",
      "Pilot in 12 stores from January.",
      "150 customers will test the new desk from 3 November.",
      "Unser Kundenportal geht ab KW 12 live.",
      "Our SOC goes 24/7 from 1 February.",
      "We'll roll it out to all analysts in Q1.",
      "Im April kommt das neue Firewall-Modul.",
      "The deepfake module ships in the September release.",
      "First German customer live next week!",
      "Arranca piloto en Murcia a finales de mes.",
      "Ab Q2 bekommt unser Kundenportal eine KI-Zusammenfassung.",
      "Ab März bieten wir Incident Response auch vor Ort an.",
      "Unsere neue Steuerung ist gerade im Feldtest bei zwei Kunden.",
      "We're hitting code freeze on Friday for the big release.",
      "Our design partners already have the beta of the new scheduler.",
      "Roadmap for next year: Q1: bulk edit, Q2: Shopify app, Q3: AI tagging.",
      "ETA for the new mobile app: end of March.",
      "Die neue App geht nächste Woche in die Beta.",
      "In zwei Wochen geht unser Rechner 2.0 live.",
      "Der Launch-Termin ist intern auf den 3. Mai gelegt.",
      "Ab 1. Juni sehen Kunden ihre Rechnungen direkt in der App.",
      "Beta opens to 30 shops in May.",
      "Pilote dans 4 magasins lillois en octobre.",
      "Notre nouvel outil entre en phase de test chez nos premiers clients le mois prochain.",
      "Ab 1. Mai testen 15 Münchner Restaurants die neue Kasse.",
      "Die neue Kasse geht im Juni an die ersten Kunden.",
  });
}

TEST_CASE("prelaunch: launched, available and events stay quiet") {
  ExpectQuiet({
      "Launched today: our new returns portal is now available to everyone.",
      "Join our webinar next Thursday on checkout best practices.",
      "Three lessons from our launch last year.",
      "Notre nouvelle fonctionnalité est disponible dès aujourd'hui pour tous.",
      "Public beta now open to everyone - sign up on our site.",
      "Wir launchen heute unsere neue Website – schaut mal rein!",
      "Apéro de lancement de notre podcast jeudi prochain au bureau, venez nombreux !",
      "Our CEO will be on stage at Web Summit next week talking about B2B payments.",
      "Unser Gründer spricht nächste Woche auf der DMEXCO über KI im Handel.",
      "La V2 est sortie hier, merci à tous les bêta-testeurs !",
      "Save the date: our annual user conference is on 14 May in Paris.",
      "The parcel arrives next Tuesday, thanks for your patience.",
      "Next April I'll be speaking at the trade fair in Hanover.",
      "Q1: 14 books read, Q2: half marathon, Q3: holidays. 2023 was a good year!",
      "The ETA of my train is 18:40, see you at the meetup.",
      "We ran a pilot in 5 restaurants last year and learned a lot.",
  });
}

TEST_CASE("competitor: win/loss and rivals' prices learned in deals") {
  ExpectWarns(Category::kCompetitor, {
      "We won three deals against our biggest competitor this month.",
      "Lost the account to a cheaper rival, they undercut us by 30%.",
      "Their sales rep quoted €25 per seat, we were at €32.",
      "On a remporté l'appel d'offres face à notre principal concurrent.",
      "Le concurrent proposait une remise de 40 % pour garder le client.",
      "Trois clients nous ont rejoints après avoir quitté un concurrent américain.",
      "Wir haben den Auftrag gegen einen großen Wettbewerber gewonnen.",
      "Perdimos el contrato frente a un competidor más barato.",
      "Wieder ein Kunde, der vom Marktführer zu uns gewechselt ist, weil der Support zu langsam war.",
      "El competidor le ofreció un 30 % de descuento, pero el cliente eligió nuestra solución.",
      "Le client nous a montré le devis de notre concurrent : 0,8 % par transaction.",
      "We just took over a 120-store account from the incumbent.",
      "Ein Interessent hat uns das Angebot der Konkurrenz gezeigt: 30 % günstiger.",
      "They lowballed us by 40% but the client stayed with us.",
      "Un concurrent propose la même chose à 49 € par mois, d'après trois de nos prospects.",
      "A prospect forwarded us the incumbent's renewal offer: +22% on last year's price.",
      "Ils ont quitté leur ancien prestataire, un concurrent direct, après deux ans de pannes.",
      "Unser größter Konkurrent hat im Winter drei wichtige Kunden an uns verloren.",
      "Notre concurrent direct va augmenter ses prix de 10 % en janvier.",
      "Unser Hauptwettbewerber steckt laut mehreren Kunden in Lieferschwierigkeiten.",
      "Nuestro principal competidor está perdiendo clientes en Madrid.",
      "Our main competitor is quietly dropping its Austrian integrations.",
      "Our biggest rival quotes €1.10 per booking, we charge €0.80.",
      // a rival's terms and price moves, learned from buyers and partners
      "Heard from a wholesaler: a competitor sells its night cream at 14 € to pharmacies.",
      "Un distributeur nous a dit qu'un concurrent accorde 10 % de remise arrière aux enseignes.",
      "Laut zwei Händlern gewährt ein Mitbewerber 90 Tage Zahlungsziel.",
      "Según un distribuidor, un competidor ofrece un 15 % de rappel a las cadenas.",
      "They charge €3 per parcel on top of the subscription, the buyer told me.",
      "A rival hiked its renewal prices by 25% this autumn, two customers told us.",
      "Un concurrent propose 3 mois gratuits aux clients qui partent de chez nous.",
      "Their reps keep throwing in onboarding for free to close before year end, a prospect told us.",
      "The incumbent bid 20% under list on both tenders.",
      "Ein Wettbewerber hat laut einem Kunden die Preise um 12 % erhöht.",
      "The other agency came in at €3,900 a month, we were at €5,000.",
      "Ihr Tagessatz lag laut Einkauf bei 1.200 €.",
      "Of the 12 tenders we lost, 7 went to the same Dutch rival.",
      "A rival is discounting its hardware by 50% to win logos, two buyers told us.",
  });
}

namespace {

// The built-in packs with one keyword list of the user's.
std::unique_ptr<Engine> EngineWithList(Category category, std::vector<std::string> terms) {
  auto engine = Engine::Create(Options(), BuiltinPacks(), nullptr);
  TermList list;
  list.name = "mine";
  list.category = category;
  list.terms = std::move(terms);
  REQUIRE(engine->SetLists("*", std::vector<TermList>{list}).ok());
  return engine;
}

// The warnings (medium or high) `engine` gives on `text`.
std::vector<Finding> WarningsOf(const Engine& engine, std::string_view text) {
  auto r = engine.Analyze(text, {});
  REQUIRE(r.ok());
  std::vector<Finding> out;
  for (const Finding& f : r.value())
    if (IsWarning(f)) out.push_back(f);
  return out;
}

}  // namespace

TEST_CASE("competitor: a rival named by the user's competitor list counts as a rival") {
  auto engine = EngineWithList(Category::kCompetitor, {"Velamo", "Parcelwise"});
  for (std::string_view text : {"Velamo charges €3 per parcel on top of the licence.",
                                "Parcelwise gives the big chains a 15% rebate.",
                                "Velamo a augmenté ses prix de 12 % en janvier."}) {
    CAPTURE(text);
    bool rule_fired = false;
    for (const Finding& f : WarningsOf(*engine, text)) rule_fired |= f.rule.rfind("competitor.", 0) == 0;
    CHECK(rule_fired);
    CHECK(Warned(text).count(Category::kCompetitor) == 0);  // no list, no rival
  }
}

TEST_CASE("a codename or a client on the user's lists is what launches or what a figure is about") {
  auto engine = EngineWithList(Category::kKeyword, {"Nightjar", "Maison Ferrand"});
  auto warned = [&](std::string_view text) {
    std::set<Category> out;
    for (const Finding& f : WarningsOf(*engine, text)) out.insert(f.category);
    return out;
  };
  CHECK(warned("Nightjar llega a Francia en octubre.").count(Category::kPrelaunch) == 1);
  CHECK(Warned("Nightjar llega a Francia en octubre.").count(Category::kPrelaunch) == 0);
  CHECK(warned("Maison Ferrand : pertes réduites de 27 % en six mois.").count(Category::kCaseStudy) == 1);
  CHECK(Warned("Maison Ferrand : pertes réduites de 27 % en six mois.").count(Category::kCaseStudy) == 0);
}

TEST_CASE("competitor: friendly or unrelated rivalry stays quiet") {
  ExpectQuiet({
      "Competition is good for customers. Respect to everyone building in this space.",
      "We won the best SaaS award at the gala last night!",
      "Healthy rivalry between the two teams at our hackathon.",
      "Kudos to our competitors for pushing the whole industry forward.",
      "We lost to the better team in the five-a-side final.",
      "A competitor's public price list is fair game for analysis.",
      // our own offers and general pricing advice name the same figures
      "We give every new customer 15% off their first order, they love it.",
      "Black Friday: 30% off everything, they won't last long.",
      "Nous offrons 2 mois gratuits sur tout abonnement annuel.",
      "Wir bieten allen Neukunden 60 Tage Zahlungsziel.",
      "Customers rarely compare your plan with a competitor's plan; a 10% discount rarely wins a deal.",
      "Retailers usually ask brands for a 40% margin, according to the Nielsen report.",
      "If a competitor offers your customer 40% off, what do you do? (numbers purely illustrative)",
  });
}

TEST_CASE("pii: contact details and bank data of third parties") {
  ExpectWarns(Category::kPii, {
      "Call Julie on +33 6 12 34 56 78 if you want the details.",
      "Her email is anna.kowalski@gmail.com, reach out directly.",
      "Refund went to IBAN DE89 3704 0044 0532 0130 00 by mistake.",
      "Customer Mr Dupont, order #4839201, complained about the delay.",
      "Joignable au 06 98 76 54 32 toute la journée.",
      "Llámame al 612 345 678 mañana por la tarde.",
      "Ruf mich an: 0171 2345678.",
      "Il habite au 14 rue des Lilas, 69003 Lyon.",
      "Kontakt: Frau Schneider, Tel. +49 89 1234 5678.",
      "El cliente Juan Pérez, pedido n.º 482913, recibió un producto dañado.",
      "Llamad a Jorge al 655 12 34 56 si queréis el contacto.",
      "Ask for Tom on 07700 900123 about the stand.",
      "Llamad a Inés al +52 55 1234 5678.",
      "Llamad a Pepe al 91 123 45 67.",
      "Si necesitáis fontanero, Luis es un crack: 633 21 45 98. Decidle que vais de mi parte.",
      // dates of birth written out, and birthdays
      "Bienvenida a Lucía, nacida el 4 de mayo de 1991 en Bilbao.",
      "Alles Gute, lieber Jan (geb. 14.03.1985)!",
      "Happy birthday to our lead designer Tom (born 3 June 1990)!",
      "Feliz cumple a Ana, que nació el 07/11/1988.",
      // a home address given with its postcode, whatever the street is called
      "Send the cards to her home: Lindenkamp 12, 22049 Hamburg.",
      "Les cadeaux peuvent être envoyés chez lui : Clos des Vignes 4, 33000 Bordeaux.",
      // a phone number given beside an e-mail address, or a person to ask for
      "Si queréis contactarla: lucia.fotos@gmail.com / 611 223 344",
      "Fragen an Herrn Weber unter 030 2345 6789.",
  });
  CHECK(WarnsOn("Send it to FR76 3000 6000 0112 3456 7890 189 today.", Category::kPii, "FR76"));
}

TEST_CASE("pii: role addresses and plain numbers stay quiet") {
  ExpectQuiet({
      "Write to us at contact@oxalis.example if you have questions.",
      "We shipped 1,250,000 orders in 2024.",
      "Doors open at 18:30, talk at 19:00, 120 seats.",
  });
}

// Coverage grids, written from the category definitions: every way of
// saying "this ships then" and "we plan this" that people use, in each
// language, combined rather than listed, so a lexicon gap shows as a
// column of failures.
namespace {

struct ReleaseGrid {
  std::vector<std::string> subjects, verbs, times;
};

}  // namespace

TEST_CASE("prelaunch: every release phrasing with every future time, in four languages") {
  const std::vector<ReleaseGrid> grids = {
      {// en
       {
        "Our new app", "The v3 dashboard", "Version 2.0 of our platform", "The new checkout",
       },
       {
        "launches", "ships", "goes live", "is coming", "will be released", "drops", "rolls out",
        "will be available", "lands", "arrives", "will launch", "is launching", "debuts", "will be out",
        "hits the market", "comes out", "becomes available", "is due",
       },
       {
        "next month", "in two weeks", "on 12 March", "in Q3", "this autumn", "early next year",
        "before Christmas", "by the end of the month", "next Tuesday", "in the spring", "in six weeks",
        "mid-May", "after the summer", "in the coming weeks",
       }},
      {// fr
       {
        "Notre nouvelle appli", "Le nouveau tableau de bord", "La version 2.0 de la plateforme",
        "Le nouveau module de paiement",
       },
       {
        "sort", "sortira", "arrive", "arrivera", "sera lancé", "sera disponible", "débarque",
        "sera en ligne", "est prévu", "sera déployé", "verra le jour", "sera dévoilé", "fait son arrivée",
        "est attendu",
       },
       {
        "le mois prochain", "dans deux semaines", "le 12 mars", "au T3", "cet automne", "début 2027",
        "avant Noël", "d'ici la fin du mois", "mardi prochain", "au printemps", "dans six semaines",
        "mi-mai", "à la rentrée", "dans les prochaines semaines",
       }},
      {// de
       {
        "Unsere neue App", "Das neue Dashboard", "Version 2.0 unserer Plattform", "Der neue Checkout",
       },
       {
        "startet", "erscheint", "kommt", "geht live", "wird veröffentlicht", "ist verfügbar",
        "wird gelauncht", "wird ausgerollt", "kommt auf den Markt", "wird vorgestellt", "ist geplant",
        "soll erscheinen",
       },
       {
        "nächsten Monat", "in zwei Wochen", "am 12. März", "im dritten Quartal", "im Herbst", "Anfang 2027",
        "vor Weihnachten", "bis Ende des Monats", "nächsten Dienstag", "im Frühjahr", "in sechs Wochen",
        "Mitte Mai", "nach dem Sommer", "in den kommenden Wochen",
       }},
      {// es
       {
        "Nuestra nueva app", "El nuevo panel", "La versión 2.0 de la plataforma", "El nuevo checkout",
       },
       {
        "sale", "saldrá", "llega", "llegará", "se lanza", "se lanzará", "estará disponible", "verá la luz",
        "se estrena", "se presentará", "está previsto", "se activará",
       },
       {
        "el mes que viene", "en dos semanas", "el 12 de marzo", "en el tercer trimestre", "este otoño",
        "a principios de 2027", "antes de Navidad", "a finales de mes", "el próximo martes", "en primavera",
        "en seis semanas", "a mediados de mayo", "después del verano", "en las próximas semanas",
       }},
  };
  for (const ReleaseGrid& g : grids) {
    size_t k = 0;
    for (const std::string& verb : g.verbs) {
      for (const std::string& time : g.times) {
        std::string draft = g.subjects[k++ % g.subjects.size()] + " " + verb + " " + time + ".";
        CAPTURE(draft);
        CHECK(Warned(draft).count(Category::kPrelaunch) == 1);
      }
    }
  }
}

TEST_CASE("strategy: each kind of plan, in four languages") {
  ExpectWarns(Category::kStrategy, {
      // en
      "We're expanding into Italy next year with a small sales team in Milan.",
      "Next quarter we'll start selling in the Nordics.",
      "Our prices go up 8% for new customers from January.",
      "We'll hire 30 engineers in Lisbon over the next six months.",
      "Heads up: we're closing the Leeds office at the end of the year.",
      "We're cutting 15% of the workforce in Q1.",
      "We're in talks to buy a smaller competitor in Austria.",
      "We're raising a €12M Series A, closing expected in March.",
      "Our internal target for next year is €25M in revenue.",
      "Sales and marketing will merge into one team in April.",
      "We're moving all manufacturing to Poland by 2027.",
      "The board approved a new pricing model for enterprise, effective July.",
      "We're about to sign a distribution deal with a major US retailer.",
      "We plan to exit the French market after the summer.",
      "Our goal: 500 new B2B customers by December.",
      // fr
      "On se lance sur le marché italien l'an prochain avec une équipe à Milan.",
      "Au prochain trimestre, nous commencerons à vendre dans les pays nordiques.",
      "Nos tarifs augmentent de 8 % pour les nouveaux clients dès janvier.",
      "Nous allons recruter 30 ingénieurs à Lisbonne dans les six prochains mois.",
      "On ferme le bureau de Lille à la fin de l'année.",
      "Nous allons supprimer 15 % des effectifs au premier trimestre.",
      "Nous sommes en discussion pour racheter un petit concurrent autrichien.",
      "Nous levons 12 M€ en série A, closing prévu en mars.",
      "Notre objectif interne pour l'an prochain : 25 M€ de chiffre d'affaires.",
      "Les équipes ventes et marketing seront regroupées en avril.",
      "Nous allons transférer toute la production en Pologne d'ici 2027.",
      "Le comité de direction a validé une nouvelle grille tarifaire, applicable en juillet.",
      "Nous sommes sur le point de signer un accord de distribution avec un grand distributeur américain.",
      "Nous prévoyons de quitter le marché allemand après l'été.",
      "Objectif : 500 nouveaux clients B2B d'ici décembre.",
      // de
      "Nächstes Jahr expandieren wir nach Italien, mit einem kleinen Team in Mailand.",
      "Im nächsten Quartal starten wir den Vertrieb in Skandinavien.",
      "Ab Januar erhöhen wir die Preise für Neukunden um 8 %.",
      "In den nächsten sechs Monaten stellen wir 30 Ingenieure in Lissabon ein.",
      "Wir schließen das Büro in Leipzig zum Jahresende.",
      "Im ersten Quartal bauen wir 15 % der Stellen ab.",
      "Wir sind in Gesprächen über die Übernahme eines kleineren Wettbewerbers aus Österreich.",
      "Wir sammeln gerade 12 Mio. € in einer Series A ein, Abschluss im März.",
      "Unser internes Ziel für nächstes Jahr: 25 Mio. € Umsatz.",
      "Vertrieb und Marketing werden im April zu einem Team zusammengelegt.",
      "Bis 2027 verlagern wir die gesamte Produktion nach Polen.",
      "Der Vorstand hat ein neues Preismodell für Enterprise beschlossen, gültig ab Juli.",
      "Wir stehen kurz vor der Unterzeichnung eines Vertriebsvertrags mit einem großen US-Händler.",
      "Nach dem Sommer ziehen wir uns aus dem französischen Markt zurück.",
      "Ziel: 500 neue B2B-Kunden bis Dezember.",
      // es
      "El año que viene entramos en Italia con un pequeño equipo en Milán.",
      "El próximo trimestre empezaremos a vender en los países nórdicos.",
      "Nuestros precios suben un 8 % para clientes nuevos a partir de enero.",
      "Vamos a contratar a 30 ingenieros en Lisboa en los próximos seis meses.",
      "Cerramos la oficina de Bilbao a finales de año.",
      "Vamos a recortar un 15 % de la plantilla en el primer trimestre.",
      "Estamos en conversaciones para comprar un competidor más pequeño en Austria.",
      "Estamos levantando 12 M€ en una ronda Serie A, cierre previsto en marzo.",
      "Nuestro objetivo interno para el año que viene: 25 M€ de facturación.",
      "Ventas y marketing se fusionarán en un solo equipo en abril.",
      "Trasladaremos toda la producción a Polonia antes de 2027.",
      "El consejo aprobó un nuevo modelo de precios para grandes cuentas, vigente desde julio.",
      "Estamos a punto de firmar un acuerdo de distribución con un gran minorista estadounidense.",
      "Después del verano saldremos del mercado francés.",
      "Objetivo: 500 nuevos clientes B2B antes de diciembre.",
  });
}

TEST_CASE("strategy: plans said in passing, as people post them") {
  ExpectWarns(Category::kStrategy, {
      // en
      "Next stop: Madrid 🇪🇸 Our Spanish entity goes live in Q2.",
      "2026 will be the year of the US for us, first hires in Austin in January.",
      "The board gave us the green light to double the sales team next year.",
      "Heads-up: from next month the Starter plan is gone and everyone moves to Pro.",
      "Budget 2026: paid media spend cut in half, all-in on partnerships.",
      "Reorg coming in January: customer success will report to sales.",
      "We'll be shutting down the London office once the lease ends in March.",
      "We're closing our Series B in the next few weeks, can't wait to share more.",
      "Our plan for H1: 40 new hires, 3 new markets, 1 acquisition.",
      "Quietly preparing our entry into the Japanese market.",
      "We're looking at buying a small agency in Lyon before year end.",
      "Price increase incoming for all legacy customers in April.",
      // fr
      "Prochaine étape : Madrid 🇪🇸 Notre filiale espagnole ouvre au T2.",
      "2026 sera l'année des États-Unis pour nous, premiers recrutements à Austin en janvier.",
      "Le board nous a donné le feu vert pour doubler l'équipe commerciale l'an prochain.",
      "Dès le mois prochain, l'offre Starter disparaît et tout le monde passe en Pro.",
      "Budget 2026 : on divise par deux le paid, tout sur les partenariats.",
      "Réorganisation en janvier : le customer success passera sous la direction commerciale.",
      "On quitte les bureaux de Londres à la fin du bail en mars.",
      "On boucle notre série B dans les prochaines semaines, hâte de vous en dire plus.",
      "Notre plan pour le S1 : 40 recrutements, 3 nouveaux marchés, 1 acquisition.",
      "On prépare discrètement notre arrivée sur le marché japonais.",
      "On regarde pour racheter une petite agence lyonnaise avant la fin de l'année.",
      "Hausse des prix prévue pour tous les anciens clients en avril.",
      // de
      "Nächster Halt: Madrid 🇪🇸 Unsere spanische Gesellschaft startet im Q2.",
      "2026 wird für uns das Jahr der USA, erste Einstellungen in Austin im Januar.",
      "Der Aufsichtsrat hat grünes Licht gegeben, das Vertriebsteam nächstes Jahr zu verdoppeln.",
      "Ab nächstem Monat fällt der Starter-Tarif weg, alle wechseln auf Pro.",
      "Budget 2026: Paid Media halbiert, alles auf Partnerschaften.",
      "Umstrukturierung im Januar: Customer Success berichtet künftig an den Vertrieb.",
      "Wenn der Mietvertrag im März ausläuft, geben wir das Büro in London auf.",
      "In den nächsten Wochen schließen wir unsere Series B ab.",
      "Unser Plan fürs erste Halbjahr: 40 Neueinstellungen, 3 neue Märkte, 1 Übernahme.",
      "Wir bereiten still und leise unseren Eintritt in den japanischen Markt vor.",
      "Wir überlegen, vor Jahresende eine kleine Agentur in Leipzig zu kaufen.",
      "Preiserhöhung für alle Bestandskunden ab April.",
      // es
      "Próxima parada: Madrid 🇪🇸 Nuestra filial española arranca en el segundo trimestre.",
      "2026 será el año de Estados Unidos para nosotros, primeras contrataciones en Austin en enero.",
      "El consejo nos ha dado luz verde para duplicar el equipo comercial el año que viene.",
      "A partir del mes que viene desaparece el plan Starter y todos pasan a Pro.",
      "Presupuesto 2026: recortamos a la mitad la inversión en medios, todo a partnerships.",
      "Reorganización en enero: customer success pasará a depender de ventas.",
      "Dejamos la oficina de Londres cuando termine el alquiler en marzo.",
      "Cerramos nuestra Serie B en las próximas semanas.",
      "Nuestro plan para el primer semestre: 40 contrataciones, 3 mercados nuevos, 1 adquisición.",
      "Preparamos discretamente nuestra entrada en el mercado japonés.",
      "Estamos mirando comprar una pequeña agencia en Valencia antes de fin de año.",
      "Subida de precios para todos los clientes antiguos en abril.",
  });
}

TEST_CASE("the same vocabulary in posts that leak nothing stays quiet") {
  ExpectQuiet({
      "Join our webinar next Tuesday on pricing strategy for SaaS.",
      "We launched our new app last month and the feedback has been great.",
      "Our annual report, published today, shows revenue up 12% to €48M.",
      "5 lessons from 10 years of B2B sales.",
      "According to Eurostat, 23% of EU companies sold online in 2023.",
      "We're hiring! 3 open roles in Berlin, apply via the link.",
      "Congrats to the team on a great Q3, proud of you all.",
      "The new version is now available for everyone, go try it.",
      "I'll be speaking at SaaStr next month about churn.",
      "Pricing strategy is the most underrated growth lever.",
      "Our office in Madrid opened in 2019 and now has 40 people.",
      "Happy to share that I started a new position as Head of Sales!",
      "Nous avons lancé notre nouvelle offre hier, merci à tous.",
      "Rendez-vous au salon VivaTech le 12 juin, stand B42.",
      "Selon l'INSEE, le e-commerce a progressé de 8 % en 2023.",
      "Nous recrutons un développeur backend en CDI à Nantes.",
      "Wir freuen uns, heute unsere neue App vorzustellen – ab sofort verfügbar.",
      "Laut Bitkom kaufen 94 % der Deutschen online ein.",
      "Nächste Woche bin ich auf der DMEXCO in Köln, wer ist noch da?",
      "Wir suchen ab sofort eine Vertriebsleitung (m/w/d) in München.",
      "Ya está disponible la nueva versión de nuestra app, ¡pruébala!",
      "Según el INE, el comercio electrónico creció un 10 % en 2023.",
      "El próximo jueves estaré en el evento de eCommerce en Madrid.",
      "Buscamos una persona para el equipo de marketing en Barcelona.",
      "Our team grew from 5 to 50 people in four years. What a journey.",
      "Three tips to negotiate your salary next year.",
      "Closing the laptop for two weeks of holidays, see you in January!",
      "Our podcast episode on fundraising drops next Monday.",
      "We moved to a bigger office last year and it changed everything.",
      "Spring sale: 20% off all plans until Sunday.",
      // confidentiality, NDAs and figures as topics, hypotheticals and public news
      "How do you handle confidential supplier documents in your team?",
      "Was gilt in eurem Unternehmen eigentlich als vertraulich?",
      "¿Cómo protegéis la información confidencial de vuestros clientes?",
      "Hot take: an NDA won't save a weak business model.",
      "We're hiring a data engineer: hybrid, 30 days off, €1.5k training budget.",
      "Rechenbeispiel (fiktiv): 5.000 € Budget, ROAS 3 → 15.000 € Umsatz.",
      "Thought experiment: would you rather pay €4 per order or €1,500 per month?",
      "Pick accuracy: aim for 99.5% or better.",
      "We can finally share it publicly: our €10M Series A, as reported today in Les Echos.",
      "Deux ans après notre arrivée en Belgique (annoncée en 2023), voici ce que nous avons appris.",
      "Most of our onboarding ideas came from a blog post by a customer-success veteran.",
      "Statista puts it at roughly 9% of EU beauty sales.",
      "3 pricing lessons: test bundles before any price change, and anchor at €29.",
      "Our office will be closed 24–26 December. Happy holidays!",
      "Unpopular opinion: most dashboards hide 90% of what matters for ROAS.",
      "Que penser des agences qui promettent un ROAS de 10 ?",
      "Nous ouvrons officiellement notre bureau de Nantes ce lundi ! Communiqué de presse en lien.",
      "On recrute ! Commercial à Lille, CDI, 45–55 k€ + variable.",
      "Back-of-the-envelope: if a line loses €10k per hour of downtime, 5 hours cost €50k.",
      "What is an embargo? A short guide for junior PR people.",
      "Un NDA n'a jamais protégé une mauvaise idée.",
      "5 conseils pour une campagne réussie : un budget de retargeting, des tests A/B.",
      "The embargo lifted at 9:00, so I can finally say it: our Series A is closed.",
      "Ejemplo práctico: si una empresa tiene una rotación del 20 % y cada salida cuesta 15.000 €, pierde 1,2 M€.",
      "We just published our hiring benchmark: only 1 in 3 new hires had a buddy.",
      "Nuestra oficina de Madrid cerrará del 12 al 16 de agosto. ¡Buen verano!",
      "My first book comes out on 2 April. Pre-orders are open now.",
      "Despidos: si tienes que comunicarlos, hazlo en persona.",
      "¿Qué opináis de la subida de precios en la cesta de la compra? Según el INE, subieron un 7 %.",
      "Happy holidays! No deliveries on 25 December; orders placed before noon still arrive the same day.",
      "Our 2024 results are now public: €61M revenue (+29%).",
      "Pricing update, as announced in the app last week: from today delivery is €2.99.",
      "In the A/B test we wrote up on our engineering blog, the uplift was about 2%.",
      "Confidentiality clauses in supplier contracts usually last from 1 to 10 years.",
      "Vous avez déjà signé un NDA avec un client ? Dans quels cas est-ce utile ?",
      "Why I tell founders to sign NDAs sparingly: investors won't sign them.",
      "Poner \"Confidencial\" en el asunto de un correo no protege nada.",
      "Petit rappel : « confidentiel » n'est pas un mot magique.",
      "We're hiring! Inside Sales in Lyon, €38–44k + annual bonus. Apply via the link.",
      "Wir stellen ein: Sales Manager in Berlin, 60.000–72.000 € + Provision, 30 Urlaubstage.",
      "Summer opening hours 8:00–17:00; same-day shipping cut-off moves to 1pm in August.",
      "Six months ago we announced our €25M financing round; today we are putting it to work.",
      "Join our webinar on 14 November: cutting maintenance costs without cutting corners.",
      "Our customer service line is changing: from Monday, call 04 72 40 00 00.",
      "People ask me how to beat competitors on price. You don't.",
      "Our public status page shows 99.98% uptime over the past 12 months.",
      "Proud to be named in the Technology Fast 50, ranked #12 with 612% revenue growth over four years.",
      "Ejemplo hipotético: una empresa que reduce un 20 % el tiempo muerto ahorra 1.200 € al día.",
      "What I learned from 3 failed launches: train sales before launch day.",
      "NDAs in construction, a quick thread: define what's actually confidential.",
      "Registrations are open for our free webinar on 25 September.",
      "At the press conference the industry association said equipment sales dropped 12% last year.",
      "Comme annoncé ce matin dans la presse, nous avons finalisé notre levée de 18 M€.",
      "The EU labour cost index rose about 5% last year. How are your teams adapting?",
      "Our prices are public, from €8 per learner per month.",
      "Nuestro informe de resultados 2023 ya es público: ingresos +38 %.",
      "Laut einer aktuellen Umfrage planen 58 % der Unternehmen mehr Budget für Weiterbildung.",
      "C'est officiel : notre pop-up store à Lille ouvre aujourd'hui pour trois semaines.",
      "Remote-friendly role: Data Analyst (m/f/d), €58k–€68k. Apply by 30 June.",
      "Un NDA signé avec un fournisseur ne dispense pas de bon sens.",
      "Per Euromonitor's 2024 home furnishings report, online's share roughly doubled.",
      "I'm writing a book! It comes out this autumn, pre-orders are open.",
      "Hypothèse pour l'atelier : une marque augmente ses prix de 5 % et perd 3 % de volume.",
      "Der VDM erwartet für dieses Jahr ein Umsatzminus von rund 4 %.",
      "¿Cuánto debería durar un acuerdo de confidencialidad con un proveedor?",
      "Our Green Friday donation was €41,300 last year, as reported on our blog.",
      "My rule for every launch: write the apology email before the launch email.",
      "¿Qué es 'confidencial' en tu empresa? Lo hablamos en el webinar.",
      "Label documents (public / internal / confidential) before you share them.",
      "Was heißt eigentlich 'vertraulich'? Fünf verschiedene Definitionen im Workshop.",
      "Sneak peek of my home lab: three mini PCs and way too many cables. Weekend project!",
  });
}

TEST_CASE("the rules' prefilter never hides a finding: the same findings as every rule on every draft") {
  // With no memory for the prefilter's sets, every rule runs on every draft:
  // the reference. The held-out corpus (four languages, every category)
  // supplies the drafts, each alone and all of them as one long draft.
  Options starved;
  starved.rule_set_max_mem = 1 << 10;
  std::vector<LoadProblem> problems;
  auto every_rule = Engine::Create(starved, BuiltinPacks(), &problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].ToString().find("every rule runs on every draft") != std::string::npos);

  std::ifstream in(DG_HOLDOUT_CORPUS);
  REQUIRE(in);
  std::vector<std::string> drafts;
  std::string all;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    drafts.push_back(std::string(boost::json::parse(line).as_object().at("text").as_string()));
    all += drafts.back() + "\n\n";
  }
  drafts.push_back(all);
  REQUIRE(drafts.size() > 100);
  size_t findings = 0;
  for (const std::string& d : drafts) {
    std::vector<Finding> filtered = Analyze(d);
    Result<std::vector<Finding>> reference = every_rule->Analyze(d, {});
    REQUIRE(reference.ok());
    CHECK(filtered == reference.value());
    findings += filtered.size();
  }
  CHECK(findings > 300);  // the comparison is not between empty lists
}
