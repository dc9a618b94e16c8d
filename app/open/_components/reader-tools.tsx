"use client";
/** The reader's tools on a published reply: 打印, copy link, A+/A-, 朗读. Labels come converted from the server. */
import { useState } from "react";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="portal-tool" onClick={() => window.print()}>
      {label}
    </button>
  );
}

export function CopyLink({ url, label, done }: { url: string; label: string; done: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        className="portal-tool"
        onClick={async () => {
          await navigator.clipboard.writeText(url);
          setCopied(true);
        }}
      >
        {label}
      </button>
      <span role="status" className="text-sm">
        {copied ? done : ""}
      </span>
    </>
  );
}

const SIZES = [0.875, 1, 1.125, 1.25, 1.5, 1.75];

/** A+ / A-: the letter's type size, in steps; the letter element is found by id. */
export function FontSize({ targetId, larger, smaller }: { targetId: string; larger: string; smaller: string }) {
  const [step, setStep] = useState(1);
  const apply = (next: number) => {
    setStep(next);
    const target = document.getElementById(targetId);
    if (target) target.style.fontSize = `${SIZES[next]}rem`;
  };
  return (
    <span className="inline-flex gap-1">
      <button type="button" className="portal-tool" aria-label={larger} disabled={step === SIZES.length - 1} onClick={() => apply(step + 1)}>
        A+
      </button>
      <button type="button" className="portal-tool" aria-label={smaller} disabled={step === 0} onClick={() => apply(step - 1)}>
        A-
      </button>
    </span>
  );
}

/** 朗读: the browser's own speech synthesis reads the letter; nothing leaves the browser. */
export function ReadAloud({ targetId, lang, read, stop }: { targetId: string; lang: string; read: string; stop: string }) {
  const [speaking, setSpeaking] = useState(false);
  const toggle = () => {
    if (!("speechSynthesis" in window)) return;
    const synth = window.speechSynthesis;
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const text = document.getElementById(targetId)?.innerText ?? "";
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang === "zh-Hant" ? "zh-TW" : "zh-CN";
    utterance.onend = () => setSpeaking(false);
    synth.speak(utterance);
    setSpeaking(true);
  };
  return (
    <button type="button" className="portal-tool" aria-pressed={speaking} onClick={toggle}>
      {speaking ? stop : read}
    </button>
  );
}
