'use client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[70vh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-5xl font-bold text-brand-700">500</p>
      <h1 className="text-xl font-semibold">页面出错了</h1>
      <p className="text-stone-600">服务器暂时无法完成请求，您填写的内容未丢失。请稍后重试。</p>
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
        重试
      </button>
    </main>
  );
}
